package io.cairn.ledger.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what the cases of one property generated, so the property can assert that every edge
 * value really occurred: a generator that silently stopped producing an edge would otherwise
 * leave the round trip green without testing it.
 */
final class Coverage {
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();

    void collect(String label, Object value) {
        counts.computeIfAbsent(label, l -> new TreeMap<>()).merge(String.valueOf(value), 1, Integer::sum);
    }

    /** Fails unless each of {@code values} was collected under {@code label} at least once. */
    void assertEverySeen(String label, Object... values) {
        Map<String, Integer> seen = counts.getOrDefault(label, Map.of());
        for (Object value : values) {
            assertThat(seen).as("%s values generated (counts per value)", label).containsKey(String.valueOf(value));
        }
    }

    /** Which edge of [min, max] a value sits at: "min", "max" or "between". */
    static String edge(long value, long min, long max) {
        return value == min ? "min" : value == max ? "max" : "between";
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
