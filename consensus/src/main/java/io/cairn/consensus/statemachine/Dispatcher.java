package io.cairn.consensus.statemachine;

import io.cairn.consensus.Event;
import io.cairn.consensus.Ready;
import io.cairn.consensus.messages.Commit;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.Prepare;
import io.cairn.consensus.messages.ViewChange;
import java.util.List;
import java.util.Optional;

/**
 * Routes each event to its handler. Checks common to every message run here first, cheapest
 * first: a validator, not this node, a height within the window. Messages for a later height, or
 * for a view this node has not entered, are checked for their signature and kept in the
 * {@link Inbox} until they apply.
 */
public final class Dispatcher {
    /**
     * No message names a view above this: a height would need 2^40 view changes to get there,
     * with timeouts that double up to 64 times the base. It keeps view arithmetic far from overflow.
     */
    public static final long MAX_VIEW = 1L << 40;

    private final CoreState state;
    private final Syncing syncing;
    private final ViewChanging viewChanging;
    private final NormalCase normal;

    public Dispatcher(CoreState state) {
        this.state = state;
        this.syncing = new Syncing(state);
        this.viewChanging = new ViewChanging(state, syncing);
        this.normal = new NormalCase(state, viewChanging);
        viewChanging.attach(normal);
    }

    /** What a restarted node does first: resend its view change, or propose if it may. */
    public Ready start() {
        if (state.changingView) {
            viewChanging.sendViewChange();
            viewChanging.tryNewView();
        } else {
            normal.tryPropose();
        }
        return state.drain();
    }

    public Ready step(Event event) {
        if (event instanceof Event.Received received) {
            onMessage(received.message());
        } else if (event instanceof Event.Tick) {
            normal.tryPropose();
            viewChanging.onTick();
            syncing.onTick();
        } else if (event instanceof Event.WorkPending work) {
            state.workPending = work.pending();
            normal.tryPropose();
        } else if (event instanceof Event.Applied applied) {
            onApplied(applied.height());
        } else if (event instanceof Event.Synced synced) {
            normal.onSynced(synced.height(), synced.proposal(), synced.certificate());
        }
        releaseInbox();
        return state.drain();
    }

    private void onMessage(ConsensusMessage message) {
        long height = message.height();
        if (!state.validators.contains(message.sender())) {
            state.drop(DropReason.NOT_A_VALIDATOR);
        } else if (message.sender() == state.self) {
            state.drop(DropReason.OWN_MESSAGE);
        } else if (message.view() > MAX_VIEW) {
            state.drop(DropReason.VIEW_TOO_FAR_AHEAD);
        } else if (height < state.height || (height == state.height && state.awaitingApply)) {
            state.drop(DropReason.STALE_HEIGHT);
            answerStale(message);
        } else if (height > state.height) {
            onLater(message);
        } else if (message instanceof ViewChange viewChange) {
            viewChanging.onViewChange(viewChange);
        } else if (message instanceof NewView newView) {
            viewChanging.onNewView(newView); // self-proving, so taken whatever its view
        } else if (isCurrent(message)) {
            handle(message);
        } else if (message.view() < state.view && message.type() != MessageType.COMMIT) {
            state.drop(DropReason.OLD_VIEW);
        } else {
            keep(message);
        }
    }

    /**
     * A validator still deciding the height this node just decided asks for a new view there: no
     * one else will answer, so send it the COMMITs of the certificate, once.
     */
    private void answerStale(ConsensusMessage message) {
        if (message instanceof ViewChange && state.lastCommit.isPresent()
                && state.lastCommit.get().height() == message.height()
                && !state.sentCertificateTo.contains(message.sender()) && state.isValid(message)) {
            state.sentCertificateTo.add(message.sender());
            state.lastCommit.get().votes().forEach(vote -> state.send(message.sender(), new Commit(vote)));
        }
    }

    /** A message for a later height: this node is behind, or the sender is ahead of it. */
    private void onLater(ConsensusMessage message) {
        if (!state.isValid(message)) {
            state.drop(DropReason.BAD_SIGNATURE);
            return;
        }
        syncing.saw(message.sender(), message.height());
        if (message instanceof ViewChange viewChange) {
            certificateOf(viewChange); // it proves the height this node is deciding
        }
        if (message.height() - state.height > state.config.futureHeights()) {
            state.drop(DropReason.HEIGHT_TOO_FAR_AHEAD);
        } else if (message.view() > state.config.futureViews()) {
            state.drop(DropReason.VIEW_TOO_FAR_AHEAD); // views start at 0 at every height
        } else if (acceptable(message)) {
            hold(strip(message));
        }
    }

    private void certificateOf(ViewChange viewChange) {
        if (viewChange.height() == state.height + 1 && viewChange.lastCommit().isPresent()
                && state.certificates.checkCommit(viewChange.lastCommit().get()).isEmpty()) {
            normal.onCertificate(viewChange.lastCommit().get(), viewChange.sender());
        }
    }

    /**
     * Votes of the current view count now. Commits of any view up to it count too, even while this
     * node is changing to it (it may have missed the NEW-VIEW): a quorum of them is final anyway.
     */
    private boolean isCurrent(ConsensusMessage message) {
        if (message.type() == MessageType.COMMIT) {
            return message.view() <= state.view;
        }
        return message.view() == state.view && !state.changingView;
    }

    /** A vote for a view this node has not entered: keep it, and note that its sender is there. */
    private void keep(ConsensusMessage message) {
        if (!state.isValid(message)) {
            state.drop(DropReason.BAD_SIGNATURE);
            return;
        }
        if (message.view() > state.view) {
            viewChanging.sawView(message.sender(), message.view());
        }
        if (message.view() - state.view > state.config.futureViews()) {
            state.drop(DropReason.VIEW_TOO_FAR_AHEAD);
        } else if (acceptable(message)) {
            hold(message);
        }
    }

    /**
     * What may wait in the inbox: a block only from the primary of its height and view, and only
     * the block it signed. Anything else would take the place of the genuine message there.
     */
    private boolean acceptable(ConsensusMessage message) {
        Optional<PrePrepare> proposal = message instanceof PrePrepare prePrepare ? Optional.of(prePrepare)
                : message instanceof NewView newView ? newView.prePrepare() : Optional.empty();
        boolean fromPrimary = message.sender() == state.validators.primary(message.height(), message.view());
        if ((message instanceof PrePrepare || message instanceof NewView) && !fromPrimary) {
            state.drop(DropReason.NOT_FROM_PRIMARY);
            return false;
        }
        if (proposal.isPresent() && !state.carriesSignedBlock(proposal.get())) {
            state.drop(DropReason.PROPOSAL_NOT_SIGNED);
            return false;
        }
        return true;
    }

    /** Only the primary of a view change's view needs the block it carries. */
    private ConsensusMessage strip(ConsensusMessage message) {
        if (message instanceof ViewChange viewChange
                && state.validators.primary(viewChange.height(), viewChange.newView()) != state.self) {
            return viewChange.withoutProposal();
        }
        return message;
    }

    private void hold(ConsensusMessage message) {
        if (!state.inbox.add(message)) {
            state.drop(DropReason.BUFFER_FULL);
        }
    }

    private void handle(ConsensusMessage message) {
        if (message instanceof PrePrepare prePrepare) {
            normal.onPrePrepare(prePrepare);
        } else if (message instanceof Prepare prepare) {
            normal.onPrepare(prepare);
        } else {
            normal.onCommit((Commit) message);
        }
    }

    /** The node applied the decided block: the next height starts at view 0. */
    private void onApplied(long height) {
        if (!state.awaitingApply || height != state.height) {
            state.drop(DropReason.UNEXPECTED_APPLY);
            return;
        }
        state.height = height + 1;
        state.awaitingApply = false;
        state.view = 0;
        state.changingView = false;
        state.round = new Round(state.height);
        state.signed.clear();
        state.prepared = Optional.empty();
        state.preparedProposal = new byte[0];
        state.idleTicks = 0;
        state.quorumWaitTicks = 0;
        state.sentCertificateTo.clear();
        state.markDirty();
        viewChanging.reset();
        normal.tryPropose();
    }

    /** Hands over the early messages that now apply, until none do. */
    private void releaseInbox() {
        while (!state.awaitingApply) {
            long view = state.changingView ? state.view - 1 : state.view;
            List<ConsensusMessage> ready = state.inbox.takeReady(state.height, view);
            if (ready.isEmpty()) {
                return;
            }
            ready.forEach(this::onMessage);
        }
    }
}
