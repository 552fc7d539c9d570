package io.cairn.node.mempool;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counters since the mempool was created.
 *
 * @param pending transactions pending now
 * @param pendingBytes their encoded bytes
 * @param admitted transactions admitted
 * @param refused refusals by reason code
 * @param committed pending transactions that left because a block included them
 * @param dropped pending transactions that left because a block made them invalid or the proposer refused them
 */
public record MempoolStats(int pending, long pendingBytes, long admitted, SortedMap<String, Long> refused,
        long committed, long dropped) {
    public MempoolStats {
        refused = Collections.unmodifiableSortedMap(new TreeMap<>(refused));
    }

    public long refusedTotal() {
        return refused.values().stream().mapToLong(Long::longValue).sum();
    }
}
