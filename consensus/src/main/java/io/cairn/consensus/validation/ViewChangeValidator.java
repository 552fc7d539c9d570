package io.cairn.consensus.validation;

import io.cairn.consensus.ConsensusConfig.PlantedBug;
import io.cairn.consensus.ValidatorSet;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.types.ProposalValidator;
import io.cairn.crypto.Hash;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The content checks of VIEW-CHANGE and NEW-VIEW (their own signatures are checked by the caller):
 * every certificate inside must verify, and a NEW-VIEW must propose what its proof requires.
 * Each method returns empty when the message is sound, otherwise the reason it is not.
 */
public final class ViewChangeValidator {
    private final String chainId;
    private final ValidatorSet validators;
    private final CertificateVerifier certificates;
    private final ProposalValidator proposals;
    private final int quorum;
    private final PlantedBug plantedBug;

    public ViewChangeValidator(String chainId, ValidatorSet validators, CertificateVerifier certificates,
            ProposalValidator proposals, int quorum, PlantedBug plantedBug) {
        this.chainId = chainId;
        this.validators = validators;
        this.certificates = certificates;
        this.proposals = proposals;
        this.quorum = quorum;
        this.plantedBug = plantedBug;
    }

    /**
     * A view change must prove its height with the certificate of the height before, and carry
     * only a genuine prepared certificate for that height from an earlier view. When
     * {@code checkProposal}, an attached block must have the prepared digest.
     */
    public Optional<String> problem(ViewChange viewChange, boolean checkProposal) {
        if (!validators.contains(viewChange.sender())) {
            return Optional.of("sender " + viewChange.sender() + " is not a validator");
        }
        long height = viewChange.height();
        Optional<CommitCertificate> lastCommit = viewChange.lastCommit();
        if (height == 1 && lastCommit.isPresent()) {
            return Optional.of("height 1 has no previous block to certify");
        }
        if (height > 1) {
            if (lastCommit.isEmpty() || lastCommit.get().height() != height - 1) {
                return Optional.of("height " + height + " needs the certificate of height " + (height - 1));
            }
            Optional<String> problem = certificates.checkCommit(lastCommit.get());
            if (problem.isPresent()) {
                return Optional.of("last commit: " + problem.get());
            }
        }
        Optional<PreparedCertificate> prepared = viewChange.prepared();
        if (prepared.isPresent()) {
            if (prepared.get().height() != height || prepared.get().view() >= viewChange.newView()) {
                return Optional.of("the prepared certificate is not for height " + height + " in an earlier view");
            }
            Optional<String> problem = certificates.checkPrepared(prepared.get());
            if (problem.isPresent()) {
                return Optional.of("prepared: " + problem.get());
            }
        }
        if (checkProposal && viewChange.hasPreparedProposal()
                && (prepared.isEmpty() || !proposals.digest(viewChange.preparedProposal())
                        .equals(Optional.of(prepared.get().digest())))) {
            return Optional.of("the attached block is not the prepared one");
        }
        return Optional.empty();
    }

    /**
     * A NEW-VIEW needs a quorum of sound view changes for its height and view from distinct
     * validators, and its PRE-PREPARE must re-propose the block of the highest prepared certificate
     * among them (PBFT section 4.4); any PRE-PREPARE must be the primary's for this height and view.
     */
    public Optional<String> problem(NewView newView) {
        List<ViewChange> proof = newView.viewChanges();
        Set<Integer> senders = new HashSet<>();
        for (ViewChange viewChange : proof) {
            if (viewChange.newView() != newView.view() || viewChange.height() != newView.height()
                    || !senders.add(viewChange.sender())) {
                return Optional.of("the proof holds a view change for another view or height, or two from one validator");
            }
            if (!certificates.isValidSigned(viewChange)) {
                return Optional.of("a view change in the proof is not signed by its sender");
            }
            Optional<String> problem = problem(viewChange, false);
            if (problem.isPresent()) {
                return Optional.of("view change from " + viewChange.sender() + ": " + problem.get());
            }
        }
        if (senders.size() < quorum) {
            return Optional.of(senders.size() + " view changes, a quorum is " + quorum);
        }
        Optional<PrePrepare> prePrepare = newView.prePrepare();
        Optional<ViewChange> chosen = NewViewRules.highestPrepared(proof, newView.height(), plantedBug);
        if (chosen.isPresent()) {
            Hash required = chosen.get().prepared().orElseThrow().digest();
            if (prePrepare.isEmpty() || !prePrepare.get().vote().digest().equals(required)) {
                return Optional.of("it must re-propose the prepared block " + required);
            }
        }
        if (prePrepare.isPresent()) {
            PrePrepare proposal = prePrepare.get();
            if (proposal.height() != newView.height() || proposal.view() != newView.view()
                    || proposal.sender() != validators.primary(newView.height(), newView.view())
                    || !certificates.isValid(proposal.vote())) {
                return Optional.of("its pre-prepare is not the primary's for this height and view");
            }
        }
        return Optional.empty();
    }
}
