package io.cairn.rpc.ws;

/** One client's socket as a session uses it; every call returns at once. */
interface ClientSocket extends Outbound.Transport {
    /** Starts the closing handshake with {@code code} and {@code reason} (at most 123 bytes). */
    void close(int code, String reason);

    /** Sends a ping; the client's pong keeps an idle subscription from timing out. */
    void ping();

    /** The client's address, for logs. */
    String peer();
}
