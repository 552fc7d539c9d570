package io.cairn.node.mempool;

import io.cairn.crypto.Hash;
import io.cairn.ledger.Transaction;
import io.cairn.node.mempool.SeenHashes.Seen;

/**
 * One transaction on its way through a batch admission ({@code Mempool.addAll}): open until
 * admitted or refused. Only the thread admitting the batch touches it.
 */
final class Offer {
    final Transaction tx;
    final Hash hash;
    final int size;
    /** The answer, once there is one. */
    Admission answer;
    /** A refusal of the first pass that the batch's order may change, decided in the second. */
    Admission.Refused deferred;
    /** What the seen-hash cache knew of the signature when it was reserved, or null. */
    Seen known;
    boolean valid;

    Offer(Transaction tx, Hash hash, int size) {
        this.tx = tx;
        this.hash = hash;
        this.size = size;
    }

    static Offer refused(Admission.Refused refusal) {
        Offer offer = new Offer(null, null, 0);
        offer.answer = refusal;
        return offer;
    }

    boolean open() {
        return answer == null;
    }

    void refuse(Admission.Refused refusal) {
        answer = refusal;
    }
}
