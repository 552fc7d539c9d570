package io.cairn.rpc;

/**
 * Where the RPC listens and how much it accepts.
 *
 * @param port 0 picks any free port; {@link RpcServer#port()} tells which
 * @param maxBodyBytes the largest request body read; a larger one is refused with HTTP 413
 * @param maxBatch the most requests in one JSON-RPC batch
 */
public record RpcSettings(String host, int port, int maxBodyBytes, int maxBatch) {
    /** Room for a batch of 100 transactions of 16 KiB each, in hex. */
    public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
    public static final int DEFAULT_MAX_BATCH = 100;
    /** A body is held in memory whole; more than this is a mistake in the configuration. */
    public static final int MAX_BODY_BYTES_CEILING = 64 * 1024 * 1024;

    public RpcSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("rpc host must not be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("rpc port must be 0 to 65535, got " + port);
        }
        if (maxBodyBytes < 1_024 || maxBodyBytes > MAX_BODY_BYTES_CEILING) {
            throw new IllegalArgumentException("rpc maxBodyBytes must be 1024 to " + MAX_BODY_BYTES_CEILING
                    + ", got " + maxBodyBytes);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("rpc maxBatch must be at least 1, got " + maxBatch);
        }
    }

    public static RpcSettings withDefaultLimits(String host, int port) {
        return new RpcSettings(host, port, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BATCH);
    }
}
