package io.cairn.node.mempool;

import io.cairn.crypto.Hash;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.SignatureVerifier;
import java.util.concurrent.atomic.AtomicInteger;

/** The real Ed25519 check, counting how often it runs. */
final class CountingVerifier implements SignatureVerifier {
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public boolean isValid(Hash hash, Transaction tx) {
        calls.incrementAndGet();
        return SignatureVerifier.ALWAYS.isValid(hash, tx);
    }

    int calls() {
        return calls.get();
    }
}
