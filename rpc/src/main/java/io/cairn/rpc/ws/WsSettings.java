package io.cairn.rpc.ws;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the WebSocket endpoint at {@code /ws}.
 *
 * @param maxConnections open sockets at once; one more is closed at once with 1013 (try again later)
 * @param maxSubscriptions subscriptions one socket may hold; one more is refused with -32005
 * @param maxMessageBytes the largest message a client may send; a larger one closes the socket with 1009
 * @param maxQueuedMessages messages waiting to be sent to one client; reaching it disconnects that
 *     client with 1008 ("too slow")
 * @param maxQueuedBytes the same budget in bytes (characters of JSON): a message is queued while the
 *     queue holds less than this, so one large answer always fits an empty queue
 * @param eventBacklog node events waiting to be fanned out; should the fan-out fall this far behind,
 *     every subscribed client is closed with 1013 rather than silently miss events
 * @param pingInterval how often an idle socket is pinged; a socket silent for three intervals is closed
 */
public record WsSettings(int maxConnections, int maxSubscriptions, int maxMessageBytes, int maxQueuedMessages,
        long maxQueuedBytes, int eventBacklog, Duration pingInterval) {
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    public static final int DEFAULT_MAX_SUBSCRIPTIONS = 32;
    /** Room for a batch of transactions in hex, as over HTTP. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
    /** A few seconds of newTransactions at a busy node's pace. */
    public static final int DEFAULT_MAX_QUEUED_MESSAGES = 4_096;
    /** Room for the largest block a chain_getBlock answer can carry, in hex, with room to spare. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_EVENT_BACKLOG = 16_384;
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);

    public WsSettings {
        requireAtLeast("maxConnections", maxConnections, 1);
        requireAtLeast("maxSubscriptions", maxSubscriptions, 1);
        requireAtLeast("maxMessageBytes", maxMessageBytes, 1_024);
        requireAtLeast("maxQueuedMessages", maxQueuedMessages, 1);
        requireAtLeast("maxQueuedBytes", maxQueuedBytes, 1_024);
        requireAtLeast("eventBacklog", eventBacklog, 1);
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (pingInterval.toMillis() < 10) {
            throw new IllegalArgumentException("ws pingInterval must be at least 10 ms, got " + pingInterval);
        }
    }

    public static WsSettings defaults() {
        return new WsSettings(DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_SUBSCRIPTIONS, DEFAULT_MAX_MESSAGE_BYTES,
                DEFAULT_MAX_QUEUED_MESSAGES, DEFAULT_MAX_QUEUED_BYTES, DEFAULT_EVENT_BACKLOG, DEFAULT_PING_INTERVAL);
    }

    /** A socket that neither sent nor received anything (a pong included) for this long is closed. */
    public Duration idleTimeout() {
        return pingInterval.multipliedBy(3);
    }

    private static void requireAtLeast(String name, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("ws " + name + " must be at least " + minimum + ", got " + value);
        }
    }
}
