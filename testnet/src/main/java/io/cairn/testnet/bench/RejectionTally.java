package io.cairn.testnet.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many times the nodes refused a transaction, by {@code data.reason} (docs/rpc.md); safe from many threads. */
public final class RejectionTally {
    /** The reason counted for a refusal that carried none (an error other than -32000, or a failed request). */
    public static final String UNKNOWN = "unknown";

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void count(String reason) {
        String key = reason == null || reason.isBlank() ? UNKNOWN : reason;
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The counts so far, sorted by reason. */
    public Map<String, Long> snapshot() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((reason, count) -> sorted.put(reason, count.sum()));
        return sorted;
    }
}
