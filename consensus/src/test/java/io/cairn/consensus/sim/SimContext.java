package io.cairn.consensus.sim;

import io.cairn.consensus.ConsensusConfig;
import io.cairn.consensus.ValidatorSet;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** What every part of one run shares: the seed's one random source, the clock, the keys, the counters. */
final class SimContext {
    static final String CHAIN_ID = "cairn-sim";
    private static final List<KeyPair> KEYS = new ArrayList<>();

    final long seed;
    final Scenario scenario;
    final SplittableRandom rng;
    final Timeline timeline = new Timeline();
    final SimStats stats = new SimStats();
    final Trace trace = new Trace();
    final List<PublicKey> publicKeys = new ArrayList<>();
    final ValidatorSet validators;
    final List<SimNode> nodes = new ArrayList<>();
    SimNetwork network;
    SafetyChecker safety;

    SimContext(long seed, Scenario scenario, SplittableRandom rng) {
        this.seed = seed;
        this.scenario = scenario;
        this.rng = rng;
        for (int i = 0; i < scenario.n(); i++) {
            publicKeys.add(key(i).publicKey());
        }
        this.validators = new ValidatorSet(publicKeys);
    }

    /** Validator {@code index}'s key, the same in every run (deriving keys is slow, so they are kept). */
    static synchronized KeyPair key(int index) {
        while (KEYS.size() <= index) {
            KEYS.add(KeyPair.fromLabel("cairn-sim-validator-" + KEYS.size()));
        }
        return KEYS.get(index);
    }

    ConsensusConfig config(int index) {
        return new ConsensusConfig(CHAIN_ID, validators, index, scenario.timeoutTicks(), scenario.maxDoublings(), 4, 16,
                64, 32L << 20, scenario.bug());
    }

    /** -Dcairn.sim.log=true prints every event of a run, for replaying one seed by hand. */
    static final boolean LOG = Boolean.getBoolean("cairn.sim.log");

    void log(String event) {
        if (LOG) {
            System.out.println(timeline.now() + " ms: " + event);
        }
    }

    long now() {
        return timeline.now();
    }

    void fault(FaultKind kind, int node) {
        stats.fault(kind);
        trace.fault(now(), kind, node);
    }

    /** A uniformly drawn node other than {@code self}. */
    int otherThan(int self) {
        int other = rng.nextInt(scenario.n() - 1);
        return other >= self ? other + 1 : other;
    }
}
