package io.cairn.testnet.bench;

import java.util.Arrays;

/** Submit→commit latencies summarised by the nearest-rank percentile (the smallest value with at least p% at or below it). */
public record LatencyPercentiles(int count, long p50Millis, long p95Millis, long p99Millis) {
    public static final LatencyPercentiles NONE = new LatencyPercentiles(0, 0, 0, 0);

    public static LatencyPercentiles of(long[] latenciesMillis) {
        if (latenciesMillis.length == 0) {
            return NONE;
        }
        long[] sorted = latenciesMillis.clone();
        Arrays.sort(sorted);
        return new LatencyPercentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99));
    }

    /** The nearest-rank percentile of sorted values: the value at rank ceil(p/100 * n), counted from 1. */
    static long rank(long[] sorted, int percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile is in 1..100, got " + percent);
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
