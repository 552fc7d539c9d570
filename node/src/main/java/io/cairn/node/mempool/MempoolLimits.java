package io.cairn.node.mempool;

/**
 * How much a node holds in its mempool and remembers about transactions it has seen.
 *
 * @param maxTransactions the most pending transactions
 * @param maxBytes the most pending bytes, counted as the transactions' canonical encodings
 * @param nonceWindow how far ahead of its account nonce a sender may queue: nonces from the account
 *     nonce up to, not including, the account nonce plus this window are admitted
 * @param seenCapacity how many recently committed, or signature-checked, hashes are remembered, so
 *     that a late copy is a duplicate and a signature is verified once
 */
public record MempoolLimits(int maxTransactions, long maxBytes, int nonceWindow, int seenCapacity) {
    public static final int DEFAULT_MAX_TRANSACTIONS = 50_000;
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_NONCE_WINDOW = 64;
    public static final int DEFAULT_SEEN_CAPACITY = 200_000;

    public MempoolLimits {
        requirePositive("maxTransactions", maxTransactions);
        requirePositive("maxBytes", maxBytes);
        requirePositive("nonceWindow", nonceWindow);
        requirePositive("seenCapacity", seenCapacity);
    }

    public static MempoolLimits defaults() {
        return new MempoolLimits(DEFAULT_MAX_TRANSACTIONS, DEFAULT_MAX_BYTES, DEFAULT_NONCE_WINDOW,
                DEFAULT_SEEN_CAPACITY);
    }

    private static void requirePositive(String field, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("mempool." + field + ": must be at least 1, got " + value);
        }
    }
}
