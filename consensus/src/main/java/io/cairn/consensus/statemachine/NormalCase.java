package io.cairn.consensus.statemachine;

import io.cairn.consensus.Ready.Decision;
import io.cairn.consensus.Ready.Evidence;
import io.cairn.consensus.messages.Commit;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.Prepare;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.Vote;
import io.cairn.consensus.types.Proposal;
import io.cairn.crypto.Hash;
import java.util.List;
import java.util.Optional;

/**
 * PBFT's normal case for the current height (section 4.2): the primary's PRE-PREPARE, a quorum
 * of PREPAREs makes the block prepared, a quorum of COMMITs makes it committed. Callers have
 * already checked the message's height, view and sender.
 */
final class NormalCase {
    private final CoreState state;
    private final ViewChanging viewChanging;

    NormalCase(CoreState state, ViewChanging viewChanging) {
        this.state = state;
        this.viewChanging = viewChanging;
    }

    /** A primary with work and no proposal yet in this view proposes one. */
    void tryPropose() {
        if (!state.isPrimary(state.view) || state.changingView || state.awaitingApply || !state.workPending
                || state.round.prePrepare(state.view).isPresent()
                || state.hasSigned(MessageType.PRE_PREPARE, state.view)) {
            return;
        }
        state.builder.build(state.height, state.view).ifPresent(this::propose);
    }

    /** Signs and sends a PRE-PREPARE for {@code proposal}, then prepares it like any backup. */
    Optional<PrePrepare> propose(Proposal proposal) {
        Optional<Vote> vote = state.sign(MessageType.PRE_PREPARE, state.view, proposal.digest());
        if (vote.isEmpty()) {
            return Optional.empty();
        }
        PrePrepare prePrepare = new PrePrepare(vote.get(), proposal.bytes());
        state.broadcast(prePrepare);
        accept(prePrepare);
        return Optional.of(prePrepare);
    }

    void onPrePrepare(PrePrepare prePrepare) {
        long view = prePrepare.view();
        if (prePrepare.sender() != state.validators.primary(state.height, view)) {
            state.drop(DropReason.NOT_FROM_PRIMARY);
            return;
        }
        if (!state.isValid(prePrepare)) {
            state.drop(DropReason.BAD_SIGNATURE);
            return;
        }
        if (!state.carriesSignedBlock(prePrepare)) {
            state.drop(DropReason.PROPOSAL_NOT_SIGNED); // altered on the way: not the primary's doing
            return;
        }
        Optional<Vote> earlier = state.round.prePrepare(view);
        if (earlier.isPresent()) {
            if (earlier.get().digest().equals(prePrepare.vote().digest())) {
                state.drop(DropReason.DUPLICATE);
            } else {
                equivocation(earlier.get(), prePrepare.vote());
            }
            return;
        }
        acceptIfValid(prePrepare);
    }

    /**
     * Checks the block (already known to be the one the primary signed) through the port; a
     * primary that proposes an invalid block is replaced.
     */
    void acceptIfValid(PrePrepare prePrepare) {
        Optional<Hash> digest = state.validator.validate(prePrepare.height(), prePrepare.view(), prePrepare.proposal());
        if (digest.isEmpty() || !digest.get().equals(prePrepare.vote().digest())) {
            state.drop(DropReason.INVALID_PROPOSAL);
            viewChanging.start(state.view + 1);
            return;
        }
        accept(prePrepare);
    }

    /** Accepts a pre-prepare already checked (or this node's own) and prepares it. */
    void accept(PrePrepare prePrepare) {
        state.round.acceptPrePrepare(prePrepare);
        Vote primaryVote = prePrepare.vote();
        for (Vote claim : state.round.otherPrimaryVotes(primaryVote.view(), primaryVote.digest(), primaryVote.sender())) {
            if (state.certificates.isValid(claim)) {
                equivocation(primaryVote, claim);
                return;
            }
        }
        state.sign(MessageType.PREPARE, primaryVote.view(), primaryVote.digest()).ifPresent(prepare -> {
            state.broadcast(new Prepare(prepare, primaryVote.signature()));
            state.round.addPrepare(prepare, primaryVote.signature());
            checkPrepared(primaryVote.view());
        });
        checkCommitted();
    }

    void onPrepare(Prepare prepare) {
        if (!state.isValid(prepare)) {
            state.drop(DropReason.BAD_SIGNATURE);
            return;
        }
        Vote vote = prepare.vote();
        Optional<Vote> prePrepare = state.round.prePrepare(vote.view());
        if (prePrepare.isPresent() && !prePrepare.get().digest().equals(vote.digest())) {
            Vote claim = prepare.primaryVote(state.validators.primary(vote.height(), vote.view()));
            if (!state.certificates.isValid(claim)) {
                state.drop(DropReason.BAD_SIGNATURE);
                return;
            }
            equivocation(prePrepare.get(), claim);
        }
        Optional<Vote> conflict = state.round.addPrepare(vote, prepare.primarySignature());
        if (conflict.isPresent()) {
            state.drop(DropReason.CONFLICTING_VOTE);
            state.evidence(new Evidence(vote.sender(), conflict.get(), vote));
            return;
        }
        checkPrepared(vote.view());
    }

    void onCommit(Commit commit) {
        if (!state.isValid(commit)) {
            state.drop(DropReason.BAD_SIGNATURE);
            return;
        }
        Optional<Vote> conflict = state.round.addCommit(commit.vote());
        if (conflict.isPresent()) {
            state.drop(DropReason.CONFLICTING_VOTE);
            state.evidence(new Evidence(commit.sender(), conflict.get(), commit.vote()));
            return;
        }
        checkCommitted();
    }

    /** With the pre-prepare and a quorum of matching prepares, the block is prepared: commit to it. */
    private void checkPrepared(long view) {
        Optional<Vote> prePrepare = state.round.prePrepare(view);
        if (prePrepare.isEmpty() || view != state.view || state.changingView) {
            return;
        }
        List<Vote> prepares = state.round.prepares(view, prePrepare.get().digest());
        if (prepares.size() < state.quorum || !state.round.markPrepared(view)) {
            return;
        }
        Hash digest = prePrepare.get().digest();
        if (state.prepared.isEmpty() || state.prepared.get().view() < view) {
            state.prepared = Optional.of(PreparedCertificate.of(prePrepare.get(), prepares));
            state.preparedProposal = state.round.proposal(digest).orElseThrow();
            state.markDirty();
        }
        state.sign(MessageType.COMMIT, view, digest).ifPresent(commit -> {
            state.broadcast(new Commit(commit));
            state.round.addCommit(commit);
        });
        checkCommitted();
    }

    /** A quorum of matching commits decides the block, whatever view they are from. */
    void checkCommitted() {
        if (state.awaitingApply) {
            return;
        }
        Optional<List<Vote>> commits = state.round.commitQuorum(state.quorum);
        if (commits.isEmpty()) {
            return;
        }
        CommitCertificate certificate = CommitCertificate.of(commits.get());
        Optional<byte[]> proposal = knownProposal(certificate.digest());
        if (proposal.isEmpty()) {
            viewChanging.syncing().behind(state.height, certificate.votes().stream().map(Vote::sender).toList());
            return;
        }
        decide(certificate, proposal.get());
    }

    /** Decides with a certificate learned from another validator, if this node has the block. */
    void onCertificate(CommitCertificate certificate, int from) {
        if (state.awaitingApply || certificate.height() != state.height) {
            return;
        }
        Optional<byte[]> proposal = knownProposal(certificate.digest());
        if (proposal.isPresent()) {
            decide(certificate, proposal.get());
        } else {
            viewChanging.syncing().behind(state.height, List.of(from));
        }
    }

    /** A block learned through sync: decided when its certificate and digest check out. */
    void onSynced(long height, byte[] proposal, CommitCertificate certificate) {
        if (state.awaitingApply || height != state.height) {
            state.drop(DropReason.UNEXPECTED_SYNC);
            return;
        }
        if (certificate.height() != height || state.certificates.checkCommit(certificate).isPresent()
                || !state.validator.digest(proposal).equals(Optional.of(certificate.digest()))) {
            state.drop(DropReason.INVALID_CERTIFICATE);
            return;
        }
        decide(certificate, proposal);
    }

    Optional<byte[]> knownProposal(Hash digest) {
        Optional<byte[]> proposal = state.round.proposal(digest);
        if (proposal.isEmpty() && state.prepared.isPresent() && state.prepared.get().digest().equals(digest)) {
            proposal = Optional.of(state.preparedProposal.clone());
        }
        return proposal;
    }

    /** The block at the current height is final: hand it to the node and wait for it to be applied. */
    void decide(CommitCertificate certificate, byte[] proposal) {
        state.awaitingApply = true;
        state.lastCommit = Optional.of(certificate);
        state.decide(new Decision(state.height, new Proposal(proposal, certificate.digest()), certificate));
    }

    private void equivocation(Vote first, Vote second) {
        state.drop(DropReason.CONFLICTING_VOTE);
        state.evidence(new Evidence(first.sender(), first, second));
        if (!state.changingView && first.view() == state.view) {
            viewChanging.start(state.view + 1);
        }
    }
}
