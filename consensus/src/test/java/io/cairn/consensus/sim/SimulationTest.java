package io.cairn.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The simulator over seeds 1 to 400, each drawing its own network size (1, 4, 5 or 7), fault mix,
 * delays, timeouts and Byzantine validators: safety after every step, liveness after healing.
 * {@code -Dcairn.sim.seed=S} replays one seed; {@code -Dcairn.sim.seeds=N} runs N (see the package
 * documentation). Prints a summary line; a failure says which invariant broke and how to reproduce it.
 */
class SimulationTest {
    static final int SEEDS = 400;

    @Test
    void everySeedIsSafeAndLive() {
        SeedRunner.Outcome outcome = SeedRunner.run(SeedRunner.seeds(1, SEEDS), Scenario.Spec.DEFAULT,
                Integer.getInteger(SeedRunner.THREADS, 1));
        System.out.println(outcome.line());
        outcome.failures().forEach(failure -> System.out.println(failure.getMessage()));
        if (!outcome.failures().isEmpty()) {
            throw outcome.failures().get(0);
        }
        assertThat(outcome.summary().seeds()).isEqualTo(SeedRunner.seeds(1, SEEDS).length);
        assertThat(outcome.summary().heights()).isPositive();
    }
}
