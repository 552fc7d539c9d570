package io.cairn.node.p2p;

import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of a {@link PeerNetwork}'s counters since it started. Frames and bytes count
 * payloads only: Hellos and keepalives are not messages.
 *
 * @param droppedQueueFull messages not sent because the peer's outbound queue was full
 * @param droppedNotConnected messages for a validator without a connection, or queued on a
 *     connection that closed before they were written
 * @param dialFailures outbound connection attempts that did not reach the peer at all
 * @param closed connections that ended, by reason, both directions
 */
public record PeerNetworkStats(long framesIn, long bytesIn, long framesOut, long bytesOut, long droppedQueueFull,
        long droppedNotConnected, long dialFailures, Map<DisconnectReason, Long> closed) {

    public PeerNetworkStats {
        EnumMap<DisconnectReason, Long> all = new EnumMap<>(DisconnectReason.class);
        for (DisconnectReason reason : DisconnectReason.values()) {
            all.put(reason, closed.getOrDefault(reason, 0L));
        }
        closed = Map.copyOf(all);
    }

    public long closed(DisconnectReason reason) {
        return closed.get(reason);
    }

    /** Connections refused or cut off for what the peer did or is. */
    public long refused() {
        return closed.entrySet().stream().filter(e -> e.getKey().refusal()).mapToLong(Map.Entry::getValue).sum();
    }
}
