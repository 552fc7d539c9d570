package io.cairn.node.client;

/**
 * A {@code tx_getProof} answer that does not prove what it claims. The message names the first
 * check that failed and the part of the answer it concerns, for example
 * {@code header.stateRoot: ...} or {@code certificate: 2 commit signatures, a quorum is 3}.
 */
public final class ProofRejected extends ClientException {
    public ProofRejected(String message) {
        super("not verified: " + message);
    }
}
