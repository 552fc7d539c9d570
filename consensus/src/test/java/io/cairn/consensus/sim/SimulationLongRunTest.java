package io.cairn.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Thousands of seeds, on every core, beyond the normal suite's range; runs only when asked:
 * <pre>
 * mvn -B -q -pl consensus -am verify -Dtest=SimulationLongRunTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcairn.sim.seeds=10000 [-Dcairn.sim.firstSeed=1000000] [-Dcairn.sim.threads=2]
 * </pre>
 * It prints one summary line (in target/surefire-reports/...SimulationLongRunTest-output.txt) and
 * every failing seed with its reproduce line; replay one with {@code -Dcairn.sim.seed=S}
 * on {@link SimulationTest}.
 */
@EnabledIfSystemProperty(named = SeedRunner.SEEDS, matches = "\\d+")
class SimulationLongRunTest {

    @Test
    void thousandsOfSeedsAreSafeAndLive() {
        long[] seeds = SeedRunner.seeds(1_000_000, 10_000);
        int threads = Integer.getInteger(SeedRunner.THREADS, Runtime.getRuntime().availableProcessors());
        SeedRunner.Outcome outcome = SeedRunner.run(seeds, Scenario.Spec.DEFAULT, threads);
        outcome.failures().forEach(failure -> System.out.println(failure.getMessage()));
        System.out.println(outcome.line());
        assertThat(outcome.failures()).as("failing seeds").isEmpty();
    }
}
