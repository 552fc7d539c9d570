package io.cairn.node.metrics;

import io.cairn.rpc.api.Health;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Whether the node is doing its job, in one of four states, for {@code /health}:
 * <ul>
 *   <li>{@code stopped} (not ok): consensus halted on a block it cannot apply; the driver logged
 *       why when it happened. The process stays up so that operators can read its state;</li>
 *   <li>{@code syncing} (ok): fetching blocks it is missing from peers;</li>
 *   <li>{@code stalled} (not ok): peers report heights above this node's, it has committed nothing
 *       for {@code stallAfterMillis}, and it is not syncing;</li>
 *   <li>{@code consensus} (ok): otherwise. A network that is stuck as a whole stays here: no peer is
 *       ahead, and this node cannot tell a quiet network from a stuck one.</li>
 * </ul>
 */
public final class NodeHealth {
    private final NodeReadings readings;
    private final LongSupplier lastCommitMillis;
    private final LongSupplier clockMillis;
    private final long stallAfterMillis;

    /**
     * @param lastCommitMillis when this node last committed a block (or started)
     * @param stallAfterMillis how long without a commit, with a peer ahead, counts as stalled
     */
    public NodeHealth(NodeReadings readings, LongSupplier lastCommitMillis, LongSupplier clockMillis,
            long stallAfterMillis) {
        if (stallAfterMillis <= 0) {
            throw new IllegalArgumentException("stallAfterMillis must be positive, not " + stallAfterMillis);
        }
        this.readings = readings;
        this.lastCommitMillis = lastCommitMillis;
        this.clockMillis = clockMillis;
        this.stallAfterMillis = stallAfterMillis;
    }

    public Health check() {
        long height = readings.height();
        Optional<Throwable> failure = readings.consensusFailure();
        if (failure.isPresent()) {
            Throwable cause = failure.get();
            return new Health(false, "stopped", "consensus stopped after height " + height + ": "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
                    + "; see the log");
        }
        Optional<Map.Entry<Integer, Long>> ahead = readings.peerHeights().entrySet().stream()
                .max(Map.Entry.comparingByValue());
        long best = ahead.map(Map.Entry::getValue).orElse(0L);
        if (readings.syncing()) {
            return new Health(true, "syncing", "fetching blocks from peers: at height " + height
                    + (best > height ? ", peers are at " + best : ""));
        }
        long idleMillis = clockMillis.getAsLong() - lastCommitMillis.getAsLong();
        if (best > height && idleMillis >= stallAfterMillis) {
            return new Health(false, "stalled", "no block committed for " + idleMillis / 1000 + " s at height "
                    + height + " while validator " + ahead.get().getKey() + " reports height " + best
                    + ", and not syncing");
        }
        return new Health(true, "consensus", "in consensus at height " + height + ", view "
                + readings.position().view());
    }
}
