package io.cairn.node.mempool;

import io.cairn.crypto.Hash;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.SignatureVerifier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real Ed25519 check, counting its calls, that holds one chosen call until the test releases it,
 * so a test can act while an admission is in the middle of verifying.
 */
final class HeldVerifier implements SignatureVerifier {
    private final int heldCall;
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** Holds the {@code heldCall}-th call (counting from 1). */
    HeldVerifier(int heldCall) {
        this.heldCall = heldCall;
    }

    @Override
    public boolean isValid(Hash hash, Transaction tx) {
        if (calls.incrementAndGet() == heldCall) {
            holding.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the held verification was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return tx.hasValidSignature();
    }

    /** Waits until the held call is being made; false if it did not come within 10 s. */
    boolean awaitHeld() throws InterruptedException {
        return holding.await(10, TimeUnit.SECONDS);
    }

    void release() {
        release.countDown();
    }

    int calls() {
        return calls.get();
    }
}
