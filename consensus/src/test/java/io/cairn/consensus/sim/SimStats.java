package io.cairn.consensus.sim;

import io.cairn.consensus.statemachine.DropReason;
import io.cairn.crypto.Hash;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one run counted: faults by kind, messages, views, and the timings the scale report needs. */
public final class SimStats {
    final Map<FaultKind, Long> faults = new EnumMap<>(FaultKind.class);
    final Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    long consensusMessages;
    long syncPackets;
    long syncedBlocks;
    long evidence;
    long highestView;
    long firstProposalMs = -1;
    long lastCommitMs;
    /** When each block was first built; looked up only, never iterated. */
    private final Map<Hash, Long> proposedAt = new HashMap<>();
    final List<Long> commitLatencies = new ArrayList<>();

    void fault(FaultKind kind) {
        faults.merge(kind, 1L, Long::sum);
    }

    void proposed(Hash digest, long now) {
        proposedAt.putIfAbsent(digest, now);
        if (firstProposalMs < 0) {
            firstProposalMs = now;
        }
    }

    void committed(Hash digest, long now) {
        Long proposed = proposedAt.get(digest);
        if (proposed != null) {
            commitLatencies.add(now - proposed);
        }
        lastCommitMs = Math.max(lastCommitMs, now);
    }

    void drops(Map<DropReason, Long> counted) {
        counted.forEach((reason, count) -> drops.merge(reason, count, Long::sum));
    }

    public long faultCount() {
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }
}
