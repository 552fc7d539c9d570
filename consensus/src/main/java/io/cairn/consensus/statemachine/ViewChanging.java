package io.cairn.consensus.statemachine;

import io.cairn.consensus.messages.CommitCertificate;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * PBFT's view change (section 4.4): the request timer, VIEW-CHANGE with the highest prepared
 * certificate, joining when f + 1 validators ask for later views, and NEW-VIEW, built by the new
 * primary and recomputed by every backup from its proof.
 */
final class ViewChanging {
    private static final Signature UNSIGNED = Signature.wrap(new byte[Signature.SIZE]);

    private final CoreState state;
    private final Syncing syncing;
    private final ViewChangeValidator checks;
    private NormalCase normal;
    /** The highest view each validator has shown in a valid message of any kind. */
    private final Map<Integer, Long> seenViews = new java.util.HashMap<>();

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

    private OptionalLong lowestViewAhead() {
        long lowest = state.viewChanges.lowestViewAbove(state.view).orElse(Long.MAX_VALUE);
        for (long view : seenViews.values()) {
            if (view > state.view) {
                lowest = Math.min(lowest, view);
            }
        }
        return lowest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    /** Leaves the current view for {@code target}: sends VIEW-CHANGE and stops normal-case voting. */
    void start(long target) {
        if (target <= state.view) {
            return;
        }
        state.view = target;
        state.changingView = true;
        state.viewChangesWithoutProgress++;
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
        Optional<CommitCertificate> lastCommit = state.height == 1 ? Optional.empty() : state.lastCommit;
        ViewChange unsigned = new ViewChange(state.view, state.height, lastCommit, prepared, state.self, UNSIGNED, proposal);
        ViewChange signed = new ViewChange(state.view, state.height, lastCommit, prepared, state.self,
                state.signBytes(unsigned.signBytes(state.config.chainId())), proposal);
        state.viewChanges.add(signed);
        state.broadcast(signed);
    }

    void onViewChange(ViewChange viewChange) {
        long target = viewChange.newView();
        if (target < state.view || (target == state.view && !state.changingView)) {
            if (target == state.view && state.lastNewView.isPresent() && state.isValid(viewChange)) {
                state.send(viewChange.sender(), state.lastNewView.get()); // it missed the NEW-VIEW
            }
            state.drop(DropReason.OLD_VIEW);
            return;
        }
        if (target > state.view + state.config.futureViews()) {
            state.drop(DropReason.VIEW_TOO_FAR_AHEAD);
            if (state.isValid(viewChange)) {
                sawView(viewChange.sender(), target);
            }
            return;
        }
        boolean keepProposal = state.isPrimary(target) && viewChange.hasPreparedProposal();
        if (checks.problem(viewChange, keepProposal).isPresent() || !state.isValid(viewChange)) {
            state.drop(DropReason.INVALID_VIEW_CHANGE);
            return;
        }
        state.viewChanges.add(keepProposal ? viewChange : viewChange.withoutProposal());
        learn(viewChange);
        join();
        tryNewView();
    }

    /** What a valid view change shows: the sender's height, and a certificate this node may lack. */
    private void learn(ViewChange viewChange) {
        syncing.saw(viewChange.sender(), viewChange.height());
        viewChange.lastCommit().ifPresent(certificate -> {
            if (certificate.height() == state.height) {
                normal.onCertificate(certificate, viewChange.sender());
            } else if (certificate.height() > state.height) {
                syncing.behind(certificate.height(), List.of(viewChange.sender()));
            }
        });
    }

    /** Validator {@code sender} signed a message for {@code view}, further ahead than the windows keep. */
    void sawView(int sender, long view) {
        seenViews.merge(sender, view, Math::max);
        join();
    }

    /**
     * f + 1 validators asking for (or already in) later views include an honest one: join the
     * smallest such view (PBFT section 4.5.2, liveness). A node that fell far behind in views
     * catches up the same way; the primary of the view it joins resends it the NEW-VIEW.
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
        long highest = proof.stream().mapToLong(ViewChange::height).max().orElseThrow();
        if (highest > state.height) {
            syncing.behind(highest - 1, proof.stream().filter(v -> v.height() == highest).map(ViewChange::sender).toList());
            return;
        }
        Optional<Proposal> proposal = proposalFor(proof);
        if (proposal.isEmpty() && NewViewRules.highestPrepared(proof, state.height, state.config.plantedBug()).isPresent()) {
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

    /** The block the new view must re-propose, or a fresh one when it is free to choose. */
    private Optional<Proposal> proposalFor(List<ViewChange> proof) {
        Optional<ViewChange> chosen = NewViewRules.highestPrepared(proof, state.height, state.config.plantedBug());
        if (chosen.isEmpty()) {
            return state.workPending ? state.builder.build(state.height, state.view) : Optional.empty();
        }
        PreparedCertificate certificate = chosen.get().prepared().orElseThrow();
        Optional<byte[]> bytes = chosen.get().hasPreparedProposal()
                ? Optional.of(chosen.get().preparedProposal()) : normal.knownProposal(certificate.digest());
        return bytes.map(b -> new Proposal(b, certificate.digest()));
    }

    void onNewView(NewView newView) {
        long target = newView.view();
        if (newView.sender() != state.validators.primary(target)) {
            state.drop(DropReason.NOT_FROM_PRIMARY);
            return;
        }
        if (target < state.view || (target == state.view && !state.changingView)) {
            state.drop(DropReason.OLD_VIEW);
            return;
        }
        if (!state.isValid(newView) || checks.problem(newView).isPresent()) {
            state.drop(DropReason.INVALID_NEW_VIEW);
            return;
        }
        newView.viewChanges().forEach(this::learn);
        if (state.awaitingApply) {
            return; // the height just decided; the view change will be seen again after it is applied
        }
        if (target > state.view) {
            state.viewChangesWithoutProgress++;
            state.forgetSignedBefore(target);
            state.round.forgetPreparesBefore(target);
        }
        state.view = target;
        enter(target);
        newView.prePrepare().ifPresent(prePrepare -> {
            if (prePrepare.height() == state.height) {
                normal.acceptIfValid(prePrepare);
            } else if (prePrepare.height() > state.height && !state.inbox.add(prePrepare)) {
                state.drop(DropReason.BUFFER_FULL);
            }
        });
    }

    private void enter(long target) {
        state.view = target;
        state.changingView = false;
        state.idleTicks = 0;
        state.quorumWaitTicks = 0;
        state.viewChanges.forgetBefore(target + 1);
        state.markDirty();
    }

}
