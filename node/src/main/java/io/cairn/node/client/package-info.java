/**
 * The client side of the JSON-RPC API, for the command line's {@code tx}, {@code block},
 * {@code account} and {@code verify-proof} commands. {@link io.cairn.node.client.JsonRpcClient}
 * speaks JSON-RPC 2.0 over the JDK's HttpClient; {@link io.cairn.node.client.NodeClient} names the
 * calls and checks their answers; {@link io.cairn.node.client.CommitWait} polls for a commit.
 * Transactions are signed in this process: only the signed encoding is ever sent.
 * {@link io.cairn.node.client.ProofVerifier} checks a {@code tx_getProof} answer with nothing but
 * the genesis file. Failures are {@link io.cairn.node.client.ClientException}s of one line.
 */
package io.cairn.node.client;
