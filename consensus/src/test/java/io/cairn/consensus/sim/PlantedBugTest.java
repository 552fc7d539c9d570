package io.cairn.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.cairn.consensus.ConsensusConfig.PlantedBug;
import io.cairn.consensus.sim.SafetyChecker.Violation;
import org.junit.jupiter.api.Test;

/**
 * The checkers can fail: with a deliberate bug planted in every core, the simulator finds a
 * safety violation (never a liveness one first) within a stated number of seeds, and the same seed
 * without the bug is safe, so it is the bug that broke it.
 */
class PlantedBugTest {

    /** A certificate of f + 1 commits does not verify against the validator set: the first block gives it away. */
    @Test
    void weakQuorumCertificatesAreCaughtOnTheFirstSeed() {
        Scenario.Spec spec = Scenario.Spec.DEFAULT.withSizes(4, 5, 7).withMixes(FaultMix.CALM)
                .withBug(PlantedBug.WEAK_QUORUM);
        Simulation.Failure failure = firstSafetyViolation(spec, 1, true, Violation.CERTIFICATE);
        assertThat(failure.getMessage()).contains("invalid commit certificate");
    }

    /** Run on past the bad certificates, weak quorums let two halves of a partitioned network commit different blocks. */
    @Test
    void weakQuorumLetsHonestNodesForkUnderPartitions() {
        Scenario.Spec spec = Scenario.Spec.DEFAULT.withSizes(4, 5, 7).withMixes(FaultMix.PARTITIONS)
                .withBug(PlantedBug.WEAK_QUORUM);
        firstSafetyViolation(spec, 40, false, Violation.AGREEMENT);
    }

    /**
     * A new primary that ignores prepared certificates replaces a block that some node already
     * committed, once a view change races the commits: view-change races over a lossy network.
     */
    @Test
    void ignoringPreparedCertificatesLetsHonestNodesFork() {
        Scenario.Spec spec = Scenario.Spec.DEFAULT.withSizes(4).withMixes(FaultMix.VIEW_CHANGE_RACES)
                .withBug(PlantedBug.IGNORE_PREPARED_CERTIFICATES);
        firstSafetyViolation(spec, 150, true, Violation.AGREEMENT);
    }

    /**
     * Runs seeds 1 to {@code bound} until one breaks {@code expected}; fails if a run fails any
     * other way first, or none does. The seed that broke it must be safe without the bug.
     */
    private static Simulation.Failure firstSafetyViolation(Scenario.Spec spec, int bound, boolean stopAtFirst,
            Violation expected) {
        for (long seed = 1; seed <= bound; seed++) {
            Simulation.Result result = new Simulation(seed, spec).run(stopAtFirst);
            if (result.failure().isEmpty()) {
                continue;
            }
            Simulation.Failure failure = result.failure().get();
            assertThat(failure.kind()).as("seed %d: %s", seed, failure.getMessage()).isEqualTo(Simulation.Kind.SAFETY);
            if (!failure.violations().contains(expected)) {
                continue;
            }
            System.out.println(spec.bug() + ": " + expected + " violation in seed " + seed + " of at most " + bound
                    + ": " + failure.getMessage());
            Simulation.Result withoutBug = new Simulation(seed, spec.withBug(PlantedBug.NONE)).run();
            assertThat(withoutBug.failure()).as("seed %d without the bug", seed).isEmpty();
            return failure;
        }
        return fail("no " + expected + " violation in " + bound + " seeds with " + spec.bug());
    }
}
