package io.cairn.node.p2p;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link PeerNetworkStats}; written from every event loop. */
final class PeerCounters {
    private final LongAdder framesIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder framesOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder droppedQueueFull = new LongAdder();
    private final LongAdder droppedNotConnected = new LongAdder();
    private final LongAdder dialFailures = new LongAdder();
    private final Map<DisconnectReason, LongAdder> closed = new EnumMap<>(DisconnectReason.class);

    PeerCounters() {
        // Filled once here and never changed, so concurrent reads of the map are safe.
        for (DisconnectReason reason : DisconnectReason.values()) {
            closed.put(reason, new LongAdder());
        }
    }

    void received(int bytes) {
        framesIn.increment();
        bytesIn.add(bytes);
    }

    void sent(int bytes) {
        framesOut.increment();
        bytesOut.add(bytes);
    }

    void droppedQueueFull() {
        droppedQueueFull.increment();
    }

    void droppedNotConnected() {
        droppedNotConnected.increment();
    }

    void dialFailed() {
        dialFailures.increment();
    }

    void closed(DisconnectReason reason) {
        closed.get(reason).increment();
    }

    PeerNetworkStats snapshot() {
        Map<DisconnectReason, Long> byReason = new EnumMap<>(DisconnectReason.class);
        closed.forEach((reason, count) -> byReason.put(reason, count.sum()));
        return new PeerNetworkStats(framesIn.sum(), bytesIn.sum(), framesOut.sum(), bytesOut.sum(),
                droppedQueueFull.sum(), droppedNotConnected.sum(), dialFailures.sum(), byReason);
    }
}
