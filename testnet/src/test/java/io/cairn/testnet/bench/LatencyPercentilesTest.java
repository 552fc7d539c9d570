package io.cairn.testnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles: the smallest latency with at least p% of all latencies at or below it. */
class LatencyPercentilesTest {
    @Test
    void oneToAHundredHasEachPercentileAtItsOwnValueWhateverTheInputOrder() {
        long[] shuffled = LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).toArray();

        LatencyPercentiles percentiles = LatencyPercentiles.of(shuffled);

        assertThat(percentiles).isEqualTo(new LatencyPercentiles(100, 50, 95, 99));
    }

    @Test
    void aFewValuesRoundTheRankUp() {
        // ranks: p50 -> ceil(2.5) = 3rd, p95 -> ceil(4.75) = 5th, p99 -> 5th
        assertThat(LatencyPercentiles.of(new long[] {40, 10, 30, 20, 500}))
                .isEqualTo(new LatencyPercentiles(5, 30, 500, 500));
    }

    @Test
    void twoHundredValuesWithASlowTailShowTheTailOnlyAtP99() {
        long[] latencies = new long[200];
        java.util.Arrays.fill(latencies, 100);
        latencies[198] = 900;
        latencies[199] = 1_000;

        LatencyPercentiles percentiles = LatencyPercentiles.of(latencies);

        // rank of p99 is 198 of 200: still 100 ms; the two slow ones are the top 1%
        assertThat(percentiles).isEqualTo(new LatencyPercentiles(200, 100, 100, 100));
        latencies[197] = 800;
        assertThat(LatencyPercentiles.of(latencies).p99Millis()).isEqualTo(800);
    }

    @Test
    void oneValueIsEveryPercentileAndNoneIsAllZero() {
        assertThat(LatencyPercentiles.of(new long[] {7})).isEqualTo(new LatencyPercentiles(1, 7, 7, 7));
        assertThat(LatencyPercentiles.of(new long[0])).isEqualTo(LatencyPercentiles.NONE);
    }

    @Test
    void theInputIsNotReordered() {
        long[] latencies = {3, 1, 2};
        LatencyPercentiles.of(latencies);
        assertThat(latencies).containsExactly(3, 1, 2);
    }

    @Test
    void aPercentileOutsideOneToAHundredIsRefused() {
        assertThatThrownBy(() -> LatencyPercentiles.rank(new long[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..100, got 0");
        assertThatThrownBy(() -> LatencyPercentiles.rank(new long[] {1}, 101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 101");
    }
}
