package io.cairn.consensus.validation;

import io.cairn.consensus.ValidatorSet;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.Vote;
import io.cairn.crypto.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * Checks certificates against the validator set: a quorum of distinct validators, each signature
 * valid over the sign-bytes of its vote. Anyone holding the genesis validator keys can call
 * {@link #verify(String, List, CommitCertificate)} to know a block is final.
 */
public final class CertificateVerifier {
    private final String chainId;
    private final ValidatorSet validators;
    private final SignatureCheck signatures;

    public CertificateVerifier(String chainId, ValidatorSet validators, SignatureCheck signatures) {
        this.chainId = chainId;
        this.validators = validators;
        this.signatures = signatures;
    }

    /**
     * Checks that {@code certificate} is signed by a quorum of {@code validatorKeys} (in genesis
     * order) for chain {@code chainId}. Empty when it is; otherwise the reason it is not.
     */
    public static Optional<String> verify(String chainId, List<PublicKey> validatorKeys, CommitCertificate certificate) {
        ValidatorSet set = new ValidatorSet(validatorKeys);
        return new CertificateVerifier(chainId, set, new SignatureCheck(set)).checkCommit(certificate);
    }

    /** Empty when a quorum of validators signed COMMIT for the certificate's (height, view, digest). */
    public Optional<String> checkCommit(CommitCertificate certificate) {
        return checkQuorum(certificate.votes(), "commit");
    }

    /** Empty when the primary of its view signed the PRE-PREPARE and a quorum signed PREPARE. */
    public Optional<String> checkPrepared(PreparedCertificate certificate) {
        Vote prePrepare = certificate.prePrepare();
        int primary = validators.primary(prePrepare.height(), prePrepare.view());
        if (prePrepare.sender() != primary) {
            return Optional.of("the pre-prepare of view " + prePrepare.view() + " is from validator "
                    + prePrepare.sender() + ", not the primary " + primary);
        }
        if (!isValid(prePrepare)) {
            return Optional.of("the pre-prepare signature does not verify");
        }
        return checkQuorum(certificate.prepareVotes(), "prepare");
    }

    /** True when the vote's sender is a validator whose signature over the vote verifies. */
    public boolean isValid(Vote vote) {
        return signatures.isValid(vote.sender(), vote.signBytes(chainId), vote.signature());
    }

    /** True when the message's sender is a validator whose signature over it verifies. */
    public boolean isValidSigned(io.cairn.consensus.messages.ConsensusMessage message) {
        return signatures.isValid(message.sender(), message.signBytes(chainId), message.signature());
    }

    private Optional<String> checkQuorum(List<Vote> votes, String kind) {
        int quorum = validators.quorum().size();
        if (votes.size() < quorum) {
            return Optional.of(votes.size() + " " + kind + " signatures, a quorum is " + quorum);
        }
        for (Vote vote : votes) {
            if (!validators.contains(vote.sender())) {
                return Optional.of("signer " + vote.sender() + " is not a validator");
            }
            if (!isValid(vote)) {
                return Optional.of("the " + kind + " signature of validator " + vote.sender() + " does not verify");
            }
        }
        return Optional.empty();
    }
}
