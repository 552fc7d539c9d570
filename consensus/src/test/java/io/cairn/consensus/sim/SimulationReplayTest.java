package io.cairn.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.ConsensusConfig.PlantedBug;
import io.cairn.crypto.Hash;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A seed replays its run exactly: the trace digest over every delivered message, decision and fault is the same. */
class SimulationReplayTest {

    @Test
    void eachMixReplaysTheSameTraceFromItsSeed() {
        for (FaultMix mix : FaultMix.values()) {
            Scenario.Spec spec = Scenario.Spec.DEFAULT.withMixes(mix);
            long seed = 7_000 + mix.ordinal();
            Simulation.Result first = new Simulation(seed, spec).run();
            Simulation.Result second = new Simulation(seed, spec).run();
            assertThat(second.trace()).as("%s seed %d", mix, seed).isEqualTo(first.trace());
            assertThat(second.heights()).isEqualTo(first.heights()).isPositive();
            assertThat(second.simulatedMs()).isEqualTo(first.simulatedMs());
            assertThat(second.stats().faults).isEqualTo(first.stats().faults);
            assertThat(second.scenario()).isEqualTo(first.scenario());
        }
    }

    /** A failing run replays too: the same violation at the same moment, the same trace. */
    @Test
    void aFailingSeedReplaysItsFailure() {
        Scenario.Spec spec = Scenario.Spec.DEFAULT.withSizes(5).withMixes(FaultMix.PARTITIONS)
                .withBug(PlantedBug.WEAK_QUORUM);
        Simulation.Result first = new Simulation(4, spec).run();
        Simulation.Result second = new Simulation(4, spec).run();
        assertThat(first.failure()).isPresent();
        assertThat(second.failure().orElseThrow().getMessage()).isEqualTo(first.failure().orElseThrow().getMessage())
                .contains("reproduce with -Dcairn.sim.seed=4");
        assertThat(second.trace()).isEqualTo(first.trace());
    }

    /** The digest does depend on the run: different seeds, different traces. */
    @Test
    void differentSeedsGiveDifferentTraces() {
        Set<Hash> traces = new HashSet<>();
        for (long seed = 1; seed <= 10; seed++) {
            traces.add(new Simulation(seed, Scenario.Spec.DEFAULT.withSizes(4).withMixes(FaultMix.CALM)).run().trace());
        }
        assertThat(traces).hasSize(10);
    }
}
