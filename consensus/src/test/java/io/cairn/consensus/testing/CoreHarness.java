package io.cairn.consensus.testing;

import io.cairn.consensus.ConsensusConfig;
import io.cairn.consensus.DurableState;
import io.cairn.consensus.Event;
import io.cairn.consensus.PbftCore;
import io.cairn.consensus.Ready;
import io.cairn.consensus.Ready.Decision;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.statemachine.DropReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One core and the bare driver around it, as the package documentation orders it: it remembers
 * the last state the core asked to persist and, on {@link #applied}, stores the decided block's
 * certificate, so {@link #restart} rebuilds the core exactly as a node would after a crash.
 * Messages are not sent anywhere: tests read them from the returned {@link Ready}.
 */
public final class CoreHarness {
    private final ConsensusConfig config;
    private final Blocks.Builder builder = new Blocks.Builder();
    private final Blocks.Validator validator = new Blocks.Validator();
    private final Map<Long, Decision> decided = new HashMap<>();
    private PbftCore core;
    private Optional<DurableState> persisted = Optional.empty();
    private long storeHeight;
    private Optional<CommitCertificate> storeCertificate = Optional.empty();

    public CoreHarness(ConsensusConfig config) {
        this.config = config;
    }

    /** Validator {@code self} of {@code n} with the default windows and {@code timeoutTicks}. */
    public static CoreHarness of(int n, int self, int timeoutTicks) {
        return new CoreHarness(TestValidators.config(n, self, timeoutTicks));
    }

    public ConsensusConfig config() {
        return config;
    }

    public Blocks.Builder builder() {
        return builder;
    }

    public Blocks.Validator validator() {
        return validator;
    }

    /** Makes the store end at {@code height} with {@code certificate}, as if those blocks were applied before. */
    public void storeAt(long height, CommitCertificate certificate) {
        storeHeight = height;
        storeCertificate = Optional.of(certificate);
    }

    /** Builds the core on the store as it is, with nothing persisted, and carries out {@code start()}. */
    public Ready start() {
        core = build(Optional.empty());
        return observe(core.start());
    }

    /** Rebuilds the core from the last state it persisted and the store, and carries out {@code start()}. */
    public Ready restart() {
        core = build(persisted);
        return observe(core.start());
    }

    /** Rebuilds the core from {@code durable} instead (which may be refused). */
    public Ready restartFrom(DurableState durable) {
        core = build(Optional.of(durable));
        return observe(core.start());
    }

    private PbftCore build(Optional<DurableState> durable) {
        return new PbftCore(config, TestValidators.key(config.self()), builder, validator, storeHeight,
                storeCertificate, durable);
    }

    public Ready step(Event event) {
        return observe(core.step(event));
    }

    public Ready deliver(ConsensusMessage message) {
        return step(new Event.Received(message));
    }

    /** {@code count} ticks, one Ready each. */
    public List<Ready> ticks(int count) {
        List<Ready> readies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            readies.add(step(new Event.Tick()));
        }
        return readies;
    }

    /** Stores the block decided at {@code height} (if one was) and acknowledges it to the core. */
    public Ready applied(long height) {
        storeDecided(height);
        return step(new Event.Applied(height));
    }

    /** Stores the block decided at {@code height}, if one was and it is next: a crash may follow before the acknowledgement. */
    public void storeDecided(long height) {
        Decision decision = decided.get(height);
        if (decision != null && height == storeHeight + 1) {
            storeHeight = height;
            storeCertificate = Optional.of(decision.certificate());
        }
    }

    public PbftCore core() {
        return core;
    }

    public Optional<DurableState> persisted() {
        return persisted;
    }

    public long storeHeight() {
        return storeHeight;
    }

    public long drops(DropReason reason) {
        return core.drops().getOrDefault(reason, 0L);
    }

    private Ready observe(Ready ready) {
        ready.persist().ifPresent(state -> persisted = Optional.of(state));
        for (Decision decision : ready.decisions()) {
            decided.put(decision.height(), decision);
        }
        return ready;
    }
}
