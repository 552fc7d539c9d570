package io.cairn.node.p2p;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with full jitter for redialing one peer: the n-th failure in a row waits a
 * uniformly random time in [min, min(max, min * 2^n)], so validators that lost a peer together
 * do not all knock at once. A completed handshake resets it.
 */
final class ReconnectBackoff {
    private final long minMillis;
    private final long maxMillis;
    private final Random random;
    private int failures;

    ReconnectBackoff(Duration min, Duration max, Random random) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The delay before the next attempt, growing with each call until {@link #reset}. */
    synchronized long nextDelayMillis() {
        failures = Math.min(failures + 1, 62);
        long ceiling = ceiling(failures);
        return minMillis + (long) (random.nextDouble() * (ceiling - minMillis + 1));
    }

    synchronized void reset() {
        failures = 0;
    }

    private long ceiling(int doublings) {
        // min * 2^doublings, saturating at max without overflowing.
        if (doublings >= Long.numberOfLeadingZeros(minMillis) - 1) {
            return maxMillis;
        }
        return Math.min(maxMillis, minMillis << doublings);
    }
}
