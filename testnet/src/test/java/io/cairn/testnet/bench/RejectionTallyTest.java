package io.cairn.testnet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectionTallyTest {
    @Test
    void countsEachReasonAndSortsThem() {
        RejectionTally tally = new RejectionTally();
        tally.count("nonce_too_high");
        tally.count("mempool_full");
        tally.count("nonce_too_high");

        assertThat(tally.snapshot()).containsExactly(Map.entry("mempool_full", 1L), Map.entry("nonce_too_high", 2L));
        assertThat(tally.total()).isEqualTo(3);
    }

    @Test
    void aRefusalWithoutAReasonCountsAsUnknown() {
        RejectionTally tally = new RejectionTally();
        tally.count(null);
        tally.count(" ");

        assertThat(tally.snapshot()).isEqualTo(Map.of(RejectionTally.UNKNOWN, 2L));
    }

    @Test
    void countsFromManyThreadsAreNotLost() throws InterruptedException {
        RejectionTally tally = new RejectionTally();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String reason = t % 2 == 0 ? "duplicate" : "mempool_full";
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    tally.count(reason);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(tally.snapshot()).isEqualTo(Map.of("duplicate", 20_000L, "mempool_full", 20_000L));
    }
}
