package io.cairn.consensus.sim;

import io.cairn.consensus.statemachine.DropReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Totals over many runs, printed as one line. */
public final class Summary {
    private long seeds;
    private long heights;
    private long viewChanges;
    private long messages;
    private long syncedBlocks;
    private long evidence;
    private long safety;
    private long liveness;
    private double worstRecoveryShare;
    private long worstRecoverySeed;
    private final Map<Integer, Long> seedsBySize = new TreeMap<>();
    private final Map<FaultMix, Long> seedsByMix = new EnumMap<>(FaultMix.class);
    private final Map<FaultKind, Long> faults = new EnumMap<>(FaultKind.class);
    private final Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);

    public synchronized void add(Simulation.Result result) {
        seeds++;
        heights += result.heights();
        viewChanges += result.stats().highestView;
        messages += result.stats().consensusMessages;
        syncedBlocks += result.stats().syncedBlocks;
        evidence += result.stats().evidence;
        seedsBySize.merge(result.scenario().n(), 1L, Long::sum);
        seedsByMix.merge(result.scenario().mix(), 1L, Long::sum);
        result.stats().faults.forEach((kind, count) -> faults.merge(kind, count, Long::sum));
        result.stats().drops.forEach((reason, count) -> drops.merge(reason, count, Long::sum));
        if (result.failure().isPresent()) {
            if (result.failure().get().kind() == Simulation.Kind.SAFETY) {
                safety++;
            } else {
                liveness++;
            }
        } else {
            double share = (double) result.recoveryMs() / result.scenario().livenessBoundMs();
            if (share > worstRecoveryShare) {
                worstRecoveryShare = share;
                worstRecoverySeed = result.seed();
            }
        }
    }

    public synchronized long seeds() {
        return seeds;
    }

    public synchronized long heights() {
        return heights;
    }

    public synchronized long violations() {
        return safety + liveness;
    }

    public synchronized String line(long wallMs) {
        StringJoiner faultList = new StringJoiner(" ");
        faults.forEach((kind, count) -> faultList.add(kind.name().toLowerCase() + "=" + count));
        StringJoiner dropList = new StringJoiner(" ");
        drops.forEach((reason, count) -> dropList.add(reason.name().toLowerCase() + "=" + count));
        return String.format("simulation: %d seeds (n: %s; mixes: %s), %d heights committed, %d view changes,"
                + " %d consensus messages, %d blocks synced, %d evidence reports; faults injected %d (%s);"
                + " dropped by cores: %s; violations: %d safety, %d liveness; slowest recovery %.0f%% of its bound"
                + " (seed %d); %.1f s",
                seeds, seedsBySize, seedsByMix, heights, viewChanges, messages, syncedBlocks, evidence,
                faults.values().stream().mapToLong(Long::longValue).sum(), faultList, dropList, safety, liveness,
                worstRecoveryShare * 100, worstRecoverySeed, wallMs / 1000.0);
    }
}
