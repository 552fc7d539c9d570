package io.cairn.node.config;

/**
 * Resource bounds of one node, all optional in the config file ({@code limits}).
 *
 * @param mempoolTransactions the most transactions waiting in the mempool
 * @param mempoolBytes the most bytes of encoded transactions waiting in the mempool
 * @param nonceWindow how far ahead of an account's next nonce the mempool accepts a transaction
 * @param peerQueueBytes the most bytes queued for sending to one peer; at least one frame of this chain
 * @param rpcMaxBodyBytes the largest HTTP request body the RPC server reads
 */
public record Limits(int mempoolTransactions, long mempoolBytes, int nonceWindow, long peerQueueBytes, int rpcMaxBodyBytes) {
    public static final int MEMPOOL_TRANSACTIONS_MIN = 1;
    public static final int MEMPOOL_TRANSACTIONS_MAX = 10_000_000;
    public static final long MEMPOOL_BYTES_MIN = 1L << 20;
    public static final long MEMPOOL_BYTES_MAX = 16L << 30;
    public static final int NONCE_WINDOW_MIN = 1;
    public static final int NONCE_WINDOW_MAX = 1_024;
    public static final long PEER_QUEUE_BYTES_MIN = 1L << 20;
    public static final long PEER_QUEUE_BYTES_MAX = 4L << 30;
    /** Enough for one transaction of the largest size in hex, inside a JSON-RPC request. */
    public static final int RPC_MAX_BODY_BYTES_MIN = 64 << 10;
    public static final int RPC_MAX_BODY_BYTES_MAX = 256 << 20;

    public static final Limits DEFAULTS = new Limits(50_000, 64L << 20, 64, 64L << 20, 4 << 20);

    public Limits {
        check("mempoolTransactions", mempoolTransactions, MEMPOOL_TRANSACTIONS_MIN, MEMPOOL_TRANSACTIONS_MAX);
        check("mempoolBytes", mempoolBytes, MEMPOOL_BYTES_MIN, MEMPOOL_BYTES_MAX);
        check("nonceWindow", nonceWindow, NONCE_WINDOW_MIN, NONCE_WINDOW_MAX);
        check("peerQueueBytes", peerQueueBytes, PEER_QUEUE_BYTES_MIN, PEER_QUEUE_BYTES_MAX);
        check("rpcMaxBodyBytes", rpcMaxBodyBytes, RPC_MAX_BODY_BYTES_MIN, RPC_MAX_BODY_BYTES_MAX);
    }

    private static void check(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("limits." + field + ": " + value + " is outside " + min + ".." + max);
        }
    }
}
