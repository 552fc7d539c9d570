package io.cairn.consensus.statemachine;

import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.messages.Vote;
import io.cairn.consensus.types.Proposal;
import io.cairn.consensus.validation.NewViewRules;
import io.cairn.consensus.validation.ViewChangeValidator;
import io.cairn.crypto.Signature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * PBFT's view change (section 4.4), scoped to the height being decided: the request timer,
 * VIEW-CHANGE with the highest prepared certificate, joining when f + 1 validators ask for later
 * views, and NEW-VIEW, built by the new primary and recomputed by every backup from its proof.
 * Once the height is decided, the next one starts again at view 0.
 */
final class ViewChanging {
    private static final Signature UNSIGNED = Signature.wrap(new byte[Signature.SIZE]);

    private final CoreState state;
    private final Syncing syncing;
    private final ViewChangeValidator checks;
    /** The highest view each validator has shown at this height in a valid message of any kind. */
    private final Map<Integer, Long> seenViews = new HashMap<>();
    private NormalCase normal;

    ViewChanging(CoreState state, Syncing syncing) {
        this.state = state;
        this.syncing = syncing;
        this.checks = new ViewChangeValidator(state.config.chainId(), state.validators, state.certificates,
                state.validator, state.quorum, state.config.plantedBug());
    }

    void attach(NormalCase normalCase) {
        this.normal = normalCase;
    }

    Syncing syncing() {
        return syncing;
    }

    /** A new height: its views start from nothing. */
    void reset() {
        seenViews.clear();
        state.resentNewViewTo.clear();
        state.viewChanges.forgetBefore(Long.MAX_VALUE);
        state.lastNewView = Optional.empty();
    }

    /**
     * The request timer runs while there is something to decide: transactions waiting, a height
     * under way (a proposal, or votes from f + 1 validators), or a view change in progress.
     */
    void onTick() {
        boolean expecting = state.workPending || state.changingView
                || state.round.prePrepare(state.view).isPresent()
                || state.round.voterCount() >= state.validators.quorum().weak();
        if (!expecting || state.awaitingApply) {
            state.idleTicks = 0;
            return;
        }
        if (state.changingView && state.viewChanges.forView(state.view).size() < state.quorum) {
            awaitQuorum();
            return;
        }
        if (++state.idleTicks >= state.timeout()) {
            start(state.view + 1);
        }
    }

    /**
     * PBFT section 4.5.2: the timer for the next view starts only once a quorum asks for this one;
     * otherwise a node alone ahead (it timed out, then decided the height late) moves on just as
     * the others arrive, one view ahead of them for ever. Meanwhile it resends its VIEW-CHANGE every
     * base timeout, as it may have been lost. After twice its timeout it joins the lowest later view
     * some validator asks for: the others may have left this view with a quorum it never saw, and
     * a node ahead waits for them there. With no one ahead it waits, so no one runs ahead alone.
     */
    private void awaitQuorum() {
        state.idleTicks = 0;
        state.quorumWaitTicks++;
        if (state.quorumWaitTicks % state.config.timeoutTicks() == 0) {
            sendViewChange();
        }
        if (state.quorumWaitTicks >= 2 * state.timeout()) {
            lowestViewAhead().ifPresent(this::start);
        }
    }

    /** Only validated view changes within the window count: one validator alone must not lure it far. */
    private OptionalLong lowestViewAhead() {
        return state.viewChanges.lowestViewAbove(state.view);
    }

    /** Leaves the current view for {@code target}: sends VIEW-CHANGE and stops normal-case voting. */
    void start(long target) {
        if (target <= state.view) {
            return;
        }
        state.view = target;
        state.changingView = true;
        state.idleTicks = 0;
        state.quorumWaitTicks = 0;
        state.lastNewView = Optional.empty();
        state.forgetSignedBefore(target);
        state.round.forgetPreparesBefore(target);
        state.viewChanges.forgetBefore(target);
        state.markDirty();
        sendViewChange();
        tryNewView();
    }

    /** (Re)sends this validator's VIEW-CHANGE for the view it is changing to. */
    void sendViewChange() {
        Optional<PreparedCertificate> prepared = state.prepared.filter(p -> p.height() == state.height);
        byte[] proposal = prepared.isPresent() ? state.preparedProposal : new byte[0];
        ViewChange unsigned = new ViewChange(state.view, state.height, state.lastCommit.filter(c -> state.height > 1),
                prepared, state.self, UNSIGNED, proposal);
        ViewChange signed = new ViewChange(state.view, state.height, unsigned.lastCommit(), prepared, state.self,
                state.signBytes(unsigned.signBytes(state.config.chainId())), proposal);
        state.viewChanges.add(signed);
        state.broadcast(signed);
    }

    /** A VIEW-CHANGE for the current height (the dispatcher holds those for later heights). */
    void onViewChange(ViewChange viewChange) {
        long target = viewChange.newView();
        if (target < state.view || (target == state.view && !state.changingView)) {
            if (target == state.view && state.lastNewView.isPresent()
                    && !state.resentNewViewTo.contains(viewChange.sender()) && state.isValid(viewChange)) {
                state.resentNewViewTo.add(viewChange.sender()); // it missed the NEW-VIEW: resend once
                state.send(viewChange.sender(), state.lastNewView.get());
            }
            state.drop(DropReason.OLD_VIEW);
            return;
        }
        if (!state.isValid(viewChange)) {
            state.drop(DropReason.BAD_SIGNATURE);
            return;
        }
        if (target - state.view > state.config.futureViews()) {
            state.drop(DropReason.VIEW_TOO_FAR_AHEAD);
            sawView(viewChange.sender(), target);
            return;
        }
        if (viewChange.prepared().isPresent() && !viewChange.hasPreparedProposal()) {
            // An honest view change always carries its prepared block: without it, a new primary
            // would have to re-propose a block it cannot get.
            state.drop(DropReason.INVALID_VIEW_CHANGE);
            return;
        }
        boolean keepProposal = state.isPrimary(target);
        if (checks.problem(viewChange, keepProposal).isPresent()) {
            state.drop(DropReason.INVALID_VIEW_CHANGE);
            return;
        }
        state.viewChanges.add(keepProposal ? viewChange : viewChange.withoutProposal());
        join();
        tryNewView();
    }

    /** Validator {@code sender} signed a message for {@code view} at this height. */
    void sawView(int sender, long view) {
        seenViews.merge(sender, view, Math::max);
        join();
    }

    /**
     * f + 1 validators asking for (or already in) later views include an honest one: join the
     * smallest such view (PBFT section 4.5.2, liveness). A node that fell behind in views catches
     * up the same way; the primary of the view it joins resends it the NEW-VIEW.
     */
    private void join() {
        while (true) {
            Map<Integer, Long> ahead = state.viewChanges.highestViewAbove(state.view);
            seenViews.forEach((sender, view) -> {
                if (view > state.view) {
                    ahead.merge(sender, view, Math::max);
                }
            });
            ahead.remove(state.self);
            if (ahead.size() < state.validators.quorum().weak()) {
                return;
            }
            start(Collections.min(ahead.values()));
        }
    }

    /** The new primary, with a quorum of view changes, starts the view with NEW-VIEW. */
    void tryNewView() {
        long target = state.view;
        if (!state.changingView || !state.isPrimary(target) || state.awaitingApply) {
            return;
        }
        List<ViewChange> proof = state.viewChanges.forView(target);
        if (proof.size() < state.quorum) {
            return;
        }
        Optional<ViewChange> chosen = NewViewRules.highestPrepared(proof, state.height, state.config.plantedBug());
        Optional<Proposal> proposal = chosen.isPresent() ? reproposal(chosen.get())
                : state.workPending ? state.builder.build(state.height, target) : Optional.empty();
        if (chosen.isPresent() && proposal.isEmpty()) {
            return; // must re-propose a block it does not have yet; a view change carrying it may still come
        }
        Optional<PrePrepare> prePrepare = Optional.empty();
        if (proposal.isPresent()) {
            Optional<Vote> vote = state.sign(MessageType.PRE_PREPARE, target, proposal.get().digest());
            if (vote.isEmpty()) {
                return;
            }
            prePrepare = Optional.of(new PrePrepare(vote.get(), proposal.get().bytes()));
        }
        List<ViewChange> stripped = new ArrayList<>();
        proof.forEach(viewChange -> stripped.add(viewChange.withoutProposal()));
        NewView unsigned = new NewView(target, state.height, stripped, prePrepare, state.self, UNSIGNED);
        NewView newView = new NewView(target, state.height, stripped, prePrepare, state.self,
                state.signBytes(unsigned.signBytes(state.config.chainId())));
        state.broadcast(newView);
        state.lastNewView = Optional.of(newView);
        enter(target);
        prePrepare.ifPresent(normal::accept);
    }

    /** The block of the highest prepared certificate, from the view change that carried it or from memory. */
    private Optional<Proposal> reproposal(ViewChange chosen) {
        PreparedCertificate certificate = chosen.prepared().orElseThrow();
        Optional<byte[]> bytes = chosen.hasPreparedProposal()
                ? Optional.of(chosen.preparedProposal()) : normal.knownProposal(certificate.digest());
        return bytes.map(b -> new Proposal(b, certificate.digest()));
    }

    /** A NEW-VIEW for the current height. */
    void onNewView(NewView newView) {
        long target = newView.view();
        if (newView.sender() != state.validators.primary(state.height, target)) {
            state.drop(DropReason.NOT_FROM_PRIMARY);
            return;
        }
        if (target < state.view || (target == state.view && !state.changingView)) {
            state.drop(DropReason.OLD_VIEW);
            return;
        }
        if (!state.isValid(newView)) {
            state.drop(DropReason.BAD_SIGNATURE);
            return;
        }
        if (checks.problem(newView).isPresent()) {
            state.drop(DropReason.INVALID_NEW_VIEW);
            return;
        }
        if (newView.prePrepare().isPresent() && !state.carriesSignedBlock(newView.prePrepare().get())) {
            state.drop(DropReason.PROPOSAL_NOT_SIGNED); // the genuine copy may still come: nothing changes
            return;
        }
        if (target > state.view) {
            state.forgetSignedBefore(target);
            state.round.forgetPreparesBefore(target);
        }
        enter(target);
        newView.prePrepare().ifPresent(normal::acceptIfValid);
    }

    private void enter(long target) {
        state.resentNewViewTo.clear();
        state.view = target;
        state.changingView = false;
        state.idleTicks = 0;
        state.quorumWaitTicks = 0;
        state.viewChanges.forgetBefore(target + 1);
        state.markDirty();
    }
}
