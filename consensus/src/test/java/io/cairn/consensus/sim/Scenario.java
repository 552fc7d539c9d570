package io.cairn.consensus.sim;

import io.cairn.consensus.ConsensusConfig.PlantedBug;
import io.cairn.consensus.Quorum;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One run's parameters, all drawn from the run's seed: the network size, which faults, the
 * network's delays, the protocol's timeouts, which validators are Byzantine and how. Times are
 * simulated milliseconds; each core sees only ticks, about every {@code tickMs}.
 *
 * @param faultPhaseMs how long faults are injected before the network heals
 * @param partitionEveryMs mean time between partition changes, 0 for none
 * @param clogEveryMs mean time between clogs (one node's links cut for a few milliseconds), 0 for none
 * @param crashEveryMs mean time between crashes, 0 for none
 * @param idleEveryMs mean time between client-load pauses, 0 for none
 * @param livenessHeights how many heights past the highest honest one at healing every honest node must reach
 * @param applyMs how long executing and storing a block takes
 * @param filler bytes of padding per block
 */
public record Scenario(
        int n,
        FaultMix mix,
        PlantedBug bug,
        SortedMap<Integer, ByzantineKind> byzantine,
        int tickMs,
        int timeoutTicks,
        int maxDoublings,
        NetworkModel network,
        long faultPhaseMs,
        int partitionEveryMs,
        int clogEveryMs,
        int crashEveryMs,
        int maxCrashed,
        int maxDowntimeMs,
        int idleEveryMs,
        int livenessHeights,
        int applyMs,
        int filler) {

    /** What a test constrains; everything else is drawn. Repeat a size in {@code sizes} to weigh it. */
    public record Spec(int[] sizes, FaultMix[] mixes, ByzantineKind[] kinds, PlantedBug bug) {
        public static final Spec DEFAULT = new Spec(new int[] {1, 4, 4, 4, 5, 5, 7, 7},
                FaultMix.values(), ByzantineKind.values(), PlantedBug.NONE);

        public Spec withSizes(int... newSizes) {
            return new Spec(newSizes, mixes, kinds, bug);
        }

        public Spec withMixes(FaultMix... newMixes) {
            return new Spec(sizes, newMixes, kinds, bug);
        }

        public Spec withKinds(ByzantineKind... newKinds) {
            return new Spec(sizes, mixes, newKinds, bug);
        }

        public Spec withBug(PlantedBug newBug) {
            return new Spec(sizes, mixes, kinds, newBug);
        }
    }

    public Scenario {
        byzantine = Collections.unmodifiableSortedMap(new TreeMap<>(byzantine));
        if (byzantine.size() > new Quorum(n).faulty()) {
            throw new IllegalArgumentException(byzantine.size() + " Byzantine validators of " + n + " is more than f");
        }
    }

    /** Draws a scenario from {@code rng}, the run's only source of randomness. */
    public static Scenario draw(SplittableRandom rng, Spec spec) {
        int n = spec.sizes()[rng.nextInt(spec.sizes().length)];
        FaultMix mix = spec.mixes()[rng.nextInt(spec.mixes().length)];
        int f = new Quorum(n).faulty();
        int tickMs = 10;
        if (mix == FaultMix.VIEW_CHANGE_RACES) {
            return races(rng, n, spec);
        }
        int baseMs = 1 + rng.nextInt(20);
        int jitterMs = rng.nextInt(31);
        NetworkModel network = mix.lossy
                ? new NetworkModel(baseMs, jitterMs, rng.nextDouble() * 0.05, 50 + rng.nextInt(250),
                        0.01 + rng.nextDouble() * 0.25, rng.nextDouble() * 0.15, rng.nextDouble() * 0.1,
                        20 + rng.nextInt(500))
                : new NetworkModel(baseMs, jitterMs, rng.nextDouble() * 0.02, 50 + rng.nextInt(100), 0, 0, 0, 0);
        // The request timeout: from barely above a block's three message delays (view changes race
        // commits, until the timeout doubles) to comfortably above them.
        int minTimeoutMs = 2 * (baseMs + jitterMs) + 20;
        int timeoutTicks = (minTimeoutMs + rng.nextInt(1 + rng.nextInt(300))) / tickMs + 1;
        int maxDoublings = 3 + rng.nextInt(4);
        long faultPhaseMs = 1000 + rng.nextInt(3001);
        int partitionEveryMs = mix.partitions ? 100 + rng.nextInt(700) : 0;
        int clogEveryMs = mix.lossy && n > 1 ? 20 + rng.nextInt(400) : 0;
        int honest = n;
        SortedMap<Integer, ByzantineKind> byzantine = new TreeMap<>();
        if (mix.byzantine && f > 0) {
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                indices.add(i);
            }
            int count = 1 + rng.nextInt(f);
            for (int i = 0; i < count; i++) {
                int index = indices.remove(rng.nextInt(indices.size()));
                byzantine.put(index, spec.kinds()[rng.nextInt(spec.kinds().length)]);
            }
            honest -= count;
        }
        boolean crashes = mix.crashes || (n == 1 && mix != FaultMix.CALM);
        int crashEveryMs = crashes ? 100 + rng.nextInt(900) : 0;
        int maxCrashed = crashes ? 1 + rng.nextInt(honest) : 0;
        int maxDowntimeMs = crashes ? 50 + rng.nextInt(1500) : 0;
        int idleEveryMs = rng.nextInt(5) == 0 ? 300 + rng.nextInt(1000) : 0;
        return new Scenario(n, mix, spec.bug(), byzantine, tickMs, timeoutTicks, maxDoublings, network, faultPhaseMs,
                partitionEveryMs, clogEveryMs, crashEveryMs, maxCrashed, maxDowntimeMs, idleEveryMs, 3, 1 + rng.nextInt(10), 0);
    }

    /** Many short heights over a lossy network with a long tail (late votes), with a timeout of a few block latencies. */
    private static Scenario races(SplittableRandom rng, int n, Spec spec) {
        int baseMs = 1 + rng.nextInt(5);
        int jitterMs = rng.nextInt(11);
        NetworkModel network = new NetworkModel(baseMs, jitterMs, 0.02 + rng.nextDouble() * 0.08, 20 + rng.nextInt(80),
                0.03 + rng.nextDouble() * 0.12, 0, 0, 0);
        int timeoutTicks = 4 + rng.nextInt(12);
        return new Scenario(n, FaultMix.VIEW_CHANGE_RACES, spec.bug(), new TreeMap<>(), 10, timeoutTicks,
                3 + rng.nextInt(2), network, 1500 + rng.nextInt(1501), 0, 0, 0, 0, 0, 0, 3, 1 + rng.nextInt(3), 0);
    }

    public boolean isByzantine(int index) {
        return byzantine.containsKey(index);
    }

    public long timeoutMs() {
        return (long) timeoutTicks * tickMs;
    }

    /**
     * How long after healing every honest node must have reached the target. After the faults, a
     * node's timeout may have doubled {@code maxDoublings} times; reaching a view with an honest
     * primary may take one such timeout per Byzantine primary in the way, plus one to get all
     * honest nodes into the same view and one more for nodes that restarted or lost their view
     * changes; each further height may again meet each Byzantine primary at the base timeout.
     * Ticks run up to 10 % slow.
     */
    public long livenessBoundMs() {
        long maxTimeoutMs = timeoutMs() * 11 / 10 << maxDoublings;
        int faulty = byzantine.size();
        return (faulty + 3) * maxTimeoutMs + (long) livenessHeights * (faulty + 1) * 4 * timeoutMs() + 5_000;
    }

    @Override
    public String toString() {
        return "n=" + n + " mix=" + mix + (bug == PlantedBug.NONE ? "" : " bug=" + bug) + " byzantine=" + byzantine
                + " timeout=" + timeoutTicks + "x" + tickMs + "ms (2^" + maxDoublings + ") " + network
                + " faults for " + faultPhaseMs + "ms" + (partitionEveryMs > 0 ? " partitions/" + partitionEveryMs : "")
                + (clogEveryMs > 0 ? " clogs/" + clogEveryMs : "")
                + (crashEveryMs > 0 ? " crashes/" + crashEveryMs + " (max " + maxCrashed + ")" : "")
                + (idleEveryMs > 0 ? " idle/" + idleEveryMs : "");
    }
}
