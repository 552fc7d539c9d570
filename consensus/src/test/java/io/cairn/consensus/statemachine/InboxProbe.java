package io.cairn.consensus.statemachine;

import io.cairn.consensus.ConsensusConfig;
import io.cairn.consensus.Event;
import io.cairn.consensus.Ready;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.TestValidators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A core assembled as {@link io.cairn.consensus.PbftCore} assembles it (a {@link CoreState} and
 * its {@link Dispatcher}), for tests that must see what its {@link Inbox} holds, which the core
 * keeps to itself.
 */
public final class InboxProbe {
    private final CoreState state;
    private final Dispatcher dispatcher;

    /** Validator {@code config.self()} on an empty chain, started, with blocks checked by {@link Blocks.Validator}. */
    public InboxProbe(ConsensusConfig config) {
        this.state = new CoreState(config, TestValidators.key(config.self()), new Blocks.Builder(),
                new Blocks.Validator(), 0, Optional.empty(), Optional.empty());
        this.dispatcher = new Dispatcher(state);
        dispatcher.start();
    }

    public Ready deliver(ConsensusMessage message) {
        return dispatcher.step(new Event.Received(message));
    }

    public Map<DropReason, Long> drops() {
        return state.drops();
    }

    /**
     * Empties the inbox and returns everything it held: the messages of each height within the
     * window, from the current one up, of every view.
     */
    public List<ConsensusMessage> takeAll() {
        List<ConsensusMessage> held = new ArrayList<>();
        for (long height = state.height(); height <= state.height() + state.config.futureHeights(); height++) {
            held.addAll(state.inbox.takeReady(height, Long.MAX_VALUE));
        }
        if (state.inbox.size() != 0) {
            throw new IllegalStateException(state.inbox.size() + " messages held beyond the height window");
        }
        return held;
    }
}
