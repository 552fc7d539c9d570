package io.cairn.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.testing.RandomCases;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void theNthFailureWaitsWithinMinAndTheDoubledCeilingCappedAtMax() {
        RandomCases.forAll("backoff window", 200, random -> {
            long min = 1 + random.nextInt(500);
            long max = min + random.nextInt(100_000);
            ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(min), Duration.ofMillis(max),
                    new Random(random.nextLong()));
            for (int failure = 1; failure <= 80; failure++) {
                long ceiling = failure >= 40 ? max : Math.min(max, min << failure);
                assertThat(backoff.nextDelayMillis()).isBetween(min, ceiling);
            }
        });
    }

    @Test
    void delaysAreSpreadOverTheWholeWindowNotPinnedToItsEdges() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(100_000),
                new Random(7));
        long lowest = Long.MAX_VALUE;
        long highest = 0;
        for (int i = 0; i < 200; i++) {
            for (int failure = 0; failure < 9; failure++) {
                backoff.nextDelayMillis(); // climb to the 10th failure: window [100, 100 * 2^10]
            }
            long delay = backoff.nextDelayMillis();
            lowest = Math.min(lowest, delay);
            highest = Math.max(highest, delay);
            backoff.reset();
        }
        // Full jitter: across 200 draws from [100, 102400] both ends of the window are approached.
        assertThat(lowest).isLessThan(5_000);
        assertThat(highest).isGreaterThan(95_000);
    }

    @Test
    void resetAfterAHandshakeReturnsToTheShortestWindow() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(50), Duration.ofSeconds(30), new Random(1));
        for (int i = 0; i < 20; i++) {
            backoff.nextDelayMillis();
        }
        backoff.reset();
        assertThat(backoff.nextDelayMillis()).isBetween(50L, 100L);
    }
}
