package io.cairn.testnet.bench;

import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.Signature;
import java.nio.charset.StandardCharsets;

/**
 * This machine's Ed25519 verification rate: one fixed signed message verified in a loop on one thread, after a
 * warm-up, times the available cores. Every node verifies every transaction once, so the network cannot commit
 * more than {@code verificationsPerSecond / nodes} transactions per second on this machine: the ceiling.
 */
public record Ed25519Ceiling(double perThreadPerSecond, int cores) {
    public Ed25519Ceiling {
        if (perThreadPerSecond <= 0 || cores < 1) {
            throw new IllegalArgumentException("a verification rate is positive and cores at least 1");
        }
    }

    public static Ed25519Ceiling measure(long warmUpMillis, long measureMillis) {
        KeyPair key = KeyPair.fromLabel("bench-ceiling");
        byte[] message = "a transfer's sign-bytes are about this long: 1 unit to a 32-byte key, nonce 7"
                .getBytes(StandardCharsets.UTF_8);
        Signature signature = key.sign(message);
        PublicKey publicKey = key.publicKey();
        verifyFor(publicKey, message, signature, warmUpMillis);
        long started = System.nanoTime();
        long verified = verifyFor(publicKey, message, signature, measureMillis);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Ed25519Ceiling(verified / seconds, Runtime.getRuntime().availableProcessors());
    }

    private static long verifyFor(PublicKey key, byte[] message, Signature signature, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long count = 0;
        while (System.nanoTime() < end) {
            if (!key.verify(message, signature)) {
                throw new IllegalStateException("a valid Ed25519 signature did not verify");
            }
            count++;
        }
        return count;
    }

    public double verificationsPerSecond() {
        return perThreadPerSecond * cores;
    }

    /** The most transactions per second a network of {@code nodes} can commit on this machine. */
    public double transactionsPerSecond(int nodes) {
        return verificationsPerSecond() / nodes;
    }
}
