/**
 * The {@code cairn-node} command line (picocli): the node's {@code run --config FILE},
 * {@code keys new --out FILE}, {@code keys show FILE}, and the client's {@code tx}, {@code block},
 * {@code account} and {@code verify-proof} (docs/client.md), which talk to a node through
 * {@link io.cairn.node.client}. {@link io.cairn.node.cli.CairnNode} maps failures to one line on
 * stderr and an exit code: 2 for bad usage, config, key, genesis or input files, 1 for a node that
 * fails while running or a client call that does not succeed.
 */
package io.cairn.node.cli;
