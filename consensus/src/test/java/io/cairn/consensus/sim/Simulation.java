package io.cairn.consensus.sim;

import io.cairn.crypto.Hash;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One deterministic run (TigerBeetle's VOPR, FoundationDB's simulation): n real, unchanged
 * {@link io.cairn.consensus.PbftCore}s over a simulated network and clock, every choice drawn from
 * one {@link SplittableRandom} seeded with the run's seed. Faults are injected for the scenario's
 * fault phase, with safety checked after every event; then the network heals and every honest node
 * must reach the liveness target within the bound. The same seed replays the same run: the same
 * {@link Result#trace} digest.
 */
public final class Simulation {
    public enum Kind { SAFETY, LIVENESS }

    /** A failed run: which invariant broke, and the seed that replays it. */
    public static final class Failure extends AssertionError {
        private final Kind kind;
        private final long seed;
        private final Set<SafetyChecker.Violation> violations;

        Failure(Kind kind, long seed, Scenario scenario, String detail, Set<SafetyChecker.Violation> violations) {
            super(kind + " violation in seed " + seed + " (" + scenario + "): " + detail
                    + "\nreproduce with -Dcairn.sim.seed=" + seed);
            this.kind = kind;
            this.seed = seed;
            this.violations = Set.copyOf(violations);
        }

        /** For a safety failure, which invariants broke. */
        public Set<SafetyChecker.Violation> violations() {
            return violations;
        }

        public Kind kind() {
            return kind;
        }

        public long seed() {
            return seed;
        }
    }

    /** What a run did; {@code failure} is empty when it passed. */
    public record Result(long seed, Scenario scenario, Hash trace, long heights, long simulatedMs, long recoveryMs,
            SimStats stats, Optional<Failure> failure) {}

    private final SimContext context;
    private final LivenessChecker liveness;
    private final FaultInjector faults;

    /** A run whose scenario is drawn from the seed within {@code spec}. */
    public Simulation(long seed, Scenario.Spec spec) {
        this(seed, new SplittableRandom(seed), spec);
    }

    private Simulation(long seed, SplittableRandom rng, Scenario.Spec spec) {
        this(seed, rng, Scenario.draw(rng, spec));
    }

    /** A run of a given scenario; the seed still draws every delay and fault. */
    public Simulation(long seed, Scenario scenario) {
        this(seed, new SplittableRandom(seed), scenario);
    }

    private Simulation(long seed, SplittableRandom rng, Scenario scenario) {
        this.context = new SimContext(seed, scenario, rng);
        this.context.network = new SimNetwork(context, scenario.network());
        this.context.safety = new SafetyChecker(context);
        this.liveness = new LivenessChecker(context);
        this.faults = new FaultInjector(context);
    }

    public Scenario scenario() {
        return context.scenario;
    }

    public Result run() {
        return run(true);
    }

    /**
     * Runs to the first safety violation, or, when not {@code stopAtFirstViolation}, on to the
     * end (healed and live, or the liveness deadline) collecting them: a test of the checker can
     * see what a planted bug leads to after the first sign of it.
     */
    public Result run(boolean stopAtFirstViolation) {
        Scenario scenario = context.scenario;
        for (int i = 0; i < scenario.n(); i++) {
            context.nodes.add(scenario.isByzantine(i)
                    ? new ByzantineNode(context, i, scenario.byzantine().get(i)) : new SimNode(context, i));
        }
        context.network.attach(new SimNetwork.Receiver() {
            @Override
            public void receive(int from, int fromIncarnation, int to, int toIncarnation, Packet packet) {
                deliver(from, fromIncarnation, to, toIncarnation, packet);
            }

            @Override
            public int incarnation(int node) {
                return context.nodes.get(node).incarnation;
            }
        });
        context.nodes.forEach(SimNode::boot);
        faults.schedule();
        context.timeline.at(scenario.faultPhaseMs(), liveness::healed);
        Optional<Failure> failure = loop(stopAtFirstViolation);
        for (SimNode node : context.nodes) {
            if (node.isUp()) {
                context.stats.drops(node.core.drops());
            }
        }
        return new Result(context.seed, scenario, context.trace.digest(), context.safety.highestCommitted(),
                context.now(), failure.isEmpty() ? liveness.recoveryMs() : -1, context.stats, failure);
    }

    private Optional<Failure> loop(boolean stopAtFirstViolation) {
        while (true) {
            long deadline = liveness.started() ? liveness.deadline() : Long.MAX_VALUE;
            boolean ran = context.timeline.runNext(deadline);
            if (ran) {
                context.safety.afterStep();
            }
            if (!ran || liveness.reached()) {
                context.safety.checkPrefixes();
            }
            boolean violated = !context.safety.violations().isEmpty();
            if (violated && (stopAtFirstViolation || !ran || liveness.reached())) {
                return Optional.of(new Failure(Kind.SAFETY, context.seed, context.scenario,
                        String.join("; ", context.safety.violations()), context.safety.kinds()));
            }
            if (!ran) {
                return Optional.of(new Failure(Kind.LIVENESS, context.seed, context.scenario, liveness.failure(),
                        Set.of()));
            }
            if (liveness.reached()) {
                return Optional.empty();
            }
        }
    }

    private void deliver(int from, int fromIncarnation, int to, int toIncarnation, Packet packet) {
        SimNode receiver = context.nodes.get(to);
        if (context.nodes.get(from).incarnation != fromIncarnation || receiver.incarnation != toIncarnation
                || !receiver.isUp()) {
            return; // an end crashed while the packet was in flight
        }
        context.trace.delivered(context.now(), from, to, packet);
        receiver.receive(from, packet);
    }
}
