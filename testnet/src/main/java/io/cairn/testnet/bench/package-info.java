/**
 * The load generator behind {@code bench}. {@link io.cairn.testnet.bench.PresignedLoad} signs every transfer
 * before the clock starts; {@link io.cairn.testnet.bench.SubmitLoop} sends them in JSON-RPC batches, one worker per
 * node, keeping each account's nonces in order; {@link io.cairn.testnet.bench.CommitWatcher} polls one node for new
 * blocks and stamps each of our transactions as it appears; {@link io.cairn.testnet.bench.BenchRun} ties them
 * together with the {@link io.cairn.testnet.bench.Ed25519Ceiling} and per-node
 * {@link io.cairn.testnet.bench.ProcessResources} into a {@link io.cairn.testnet.bench.BenchReport}.
 */
package io.cairn.testnet.bench;
