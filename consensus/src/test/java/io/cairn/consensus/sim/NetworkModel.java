package io.cairn.consensus.sim;

import java.util.SplittableRandom;

/**
 * One-way delays and network faults, in simulated milliseconds: a base latency plus uniform
 * jitter, now and then a long tail; while faults are on, loss, duplication and reordering (a
 * packet held back long enough to arrive after later ones).
 */
public record NetworkModel(int baseMs, int jitterMs, double tailChance, int tailMs, double loss, double duplicate,
        double reorder, int reorderMs) {

    /** A quiet network with these latencies and no faults. */
    public static NetworkModel latency(int baseMs, int jitterMs) {
        return new NetworkModel(baseMs, jitterMs, 0, 0, 0, 0, 0, 0);
    }

    /** The delay of one packet on a healthy network. */
    long delay(SplittableRandom rng) {
        long delay = baseMs + (jitterMs > 0 ? rng.nextInt(jitterMs + 1) : 0);
        if (tailChance > 0 && rng.nextDouble() < tailChance) {
            delay += (long) (-Math.log(1 - rng.nextDouble()) * tailMs); // exponential tail
        }
        return Math.max(1, delay);
    }

    public NetworkModel withoutFaults() {
        return new NetworkModel(baseMs, jitterMs, tailChance, tailMs, 0, 0, 0, 0);
    }
}
