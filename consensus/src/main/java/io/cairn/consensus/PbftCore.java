package io.cairn.consensus;

import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.statemachine.CoreState;
import io.cairn.consensus.statemachine.Dispatcher;
import io.cairn.consensus.statemachine.DropReason;
import io.cairn.consensus.types.ProposalBuilder;
import io.cairn.consensus.types.ProposalValidator;
import io.cairn.crypto.KeyPair;
import java.util.Map;
import java.util.Optional;

/**
 * One validator's PBFT, as a pure state machine: feed it {@link Event}s with {@link #step}, carry
 * out the {@link Ready} it returns (see the package documentation for the order). It never
 * sends, sleeps, reads a clock, draws randomness or touches a disk.
 */
public final class PbftCore {
    private final CoreState state;
    private final Dispatcher dispatcher;

    /**
     * A core for validator {@code config.self()} with {@code key}, on a chain whose store ends at
     * {@code committedHeight} (0 for none) with {@code lastCommit} its certificate, resuming from
     * {@code durable}, what it persisted before it stopped (empty the first time).
     *
     * @throws IllegalStateException when {@code durable} is ahead of the store: the store lost blocks
     */
    public PbftCore(ConsensusConfig config, KeyPair key, ProposalBuilder builder, ProposalValidator validator,
            long committedHeight, Optional<CommitCertificate> lastCommit, Optional<DurableState> durable) {
        if (!key.publicKey().equals(config.validators().key(config.self()))) {
            throw new IllegalArgumentException("the key is not validator " + config.self() + "'s");
        }
        if (committedHeight < 0 || (committedHeight > 0
                && (lastCommit.isEmpty() || lastCommit.get().height() != committedHeight))) {
            throw new IllegalArgumentException("a chain at height " + committedHeight + " needs that height's certificate");
        }
        this.state = new CoreState(config, key, builder, validator, committedHeight, lastCommit, durable);
        this.dispatcher = new Dispatcher(state);
    }

    /** What to do once, right after construction: persist the state and resume a view change. */
    public Ready start() {
        return dispatcher.start();
    }

    /** Handles one event and returns what the node must do about it. */
    public Ready step(Event event) {
        return dispatcher.step(event);
    }

    /** The height being decided. */
    public long height() {
        return state.height();
    }

    public long view() {
        return state.view();
    }

    /** True between sending VIEW-CHANGE and entering the new view. */
    public boolean changingView() {
        return state.changingView();
    }

    /** The primary of the current view. */
    public int primary() {
        return state.primary();
    }

    public DurableState durableState() {
        return state.durableState();
    }

    /** How many messages were ignored, by reason. */
    public Map<DropReason, Long> drops() {
        return state.drops();
    }
}
