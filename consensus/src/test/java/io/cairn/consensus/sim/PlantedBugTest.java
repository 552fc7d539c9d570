package io.cairn.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.ConsensusConfig.PlantedBug;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checkers can fail: with a planted protocol bug, the simulator finds a safety violation within a few seeds. */
class PlantedBugTest {

    @Test
    void probe() {
        for (PlantedBug bug : new PlantedBug[] {PlantedBug.IGNORE_PREPARED_CERTIFICATES}) {
            for (FaultMix mix : new FaultMix[] {FaultMix.VIEW_CHANGE_RACES}) {
              for (int size : new int[] {4}) {
                Scenario.Spec spec = Scenario.Spec.DEFAULT.withSizes(size).withMixes(mix).withBug(bug);
                long views = 0;
                long heights = 0;
                int found = 0;
                int agreement = 0;
                Long first = null;
                for (long seed = 1; seed <= 300; seed++) {
                    Simulation.Result result = new Simulation(seed, spec).run(false);
                    Optional<Simulation.Failure> failure = result.failure();
                    views += result.stats().highestView;
                    heights += result.heights();
                    if (failure.isPresent() && failure.get().kind() == Simulation.Kind.SAFETY) {
                        found++;
                        if (failure.get().violations().contains(SafetyChecker.Violation.AGREEMENT)) {
                            agreement++;
                            if (first == null) {
                                first = seed;
                            }
                        }
                    }
                }
                System.out.println(bug + " " + mix + " n=" + size + ": safety in " + found + "/100, agreement in " + agreement
                        + ", first agreement seed " + first + " views " + views + " heights " + heights);
              }
            }
        }
    }
}
