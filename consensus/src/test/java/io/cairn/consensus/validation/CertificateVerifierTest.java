package io.cairn.consensus.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.ValidatorSignature;
import io.cairn.consensus.messages.Vote;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.TestMessages;
import io.cairn.consensus.testing.TestValidators;
import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A commit certificate is the proof anyone holding the genesis keys can check that a block is
 * final. Reference: PBFT section 4.2 (committed-local: 2f + 1 matching COMMITs from distinct replicas).
 */
class CertificateVerifierTest {
    private static final String CHAIN = TestValidators.CHAIN_ID;
    private static final Hash A = Blocks.digest("A");
    private static final Hash B = Blocks.digest("B");

    private final TestMessages messages = new TestMessages(4);
    private final List<PublicKey> keys = TestValidators.keys(4);

    @Test
    void acceptsTheCommitsOfAQuorum() {
        assertThat(CertificateVerifier.verify(CHAIN, keys, messages.commits(1, 0, A, 0, 1, 2))).isEmpty();
        assertThat(CertificateVerifier.verify(CHAIN, keys, messages.commits(7, 3, B, 1, 2, 3))).isEmpty();
        assertThat(CertificateVerifier.verify(CHAIN, keys, messages.commits(1, 0, A, 0, 1, 2, 3))).isEmpty();
    }

    @Test
    void rejectsTooFewSignatures() {
        assertThat(CertificateVerifier.verify(CHAIN, keys, messages.commits(1, 0, A, 0, 1)))
                .hasValue("2 commit signatures, a quorum is 3");
    }

    @Test
    void rejectsASignerOutsideTheValidatorSet() {
        // Validator 7's key signs correctly, but nobody gave 7 a vote.
        assertThat(CertificateVerifier.verify(CHAIN, keys, messages.commits(1, 0, A, 0, 1, 7)))
                .hasValue("signer 7 is not a validator");
    }

    @Test
    void rejectsAForgedSignature() {
        Vote forged = messages.vote(MessageType.COMMIT, 1, 0, A, 2, TestValidators.forger());
        assertThat(CertificateVerifier.verify(CHAIN, keys, replace(messages.commits(1, 0, A, 0, 1, 2), forged)))
                .hasValue("the commit signature of validator 2 does not verify");
    }

    @Test
    void rejectsASignatureOverAnotherHeightViewOrBlock() {
        CommitCertificate genuine = messages.commits(1, 0, A, 0, 1, 2);
        for (Vote elsewhere : List.of(messages.vote(MessageType.COMMIT, 2, 0, A, 2),
                messages.vote(MessageType.COMMIT, 1, 1, A, 2), messages.vote(MessageType.COMMIT, 1, 0, B, 2),
                messages.vote(MessageType.PREPARE, 1, 0, A, 2))) {
            assertThat(CertificateVerifier.verify(CHAIN, keys, replace(genuine, elsewhere)))
                    .as("validator 2's signature from %s", elsewhere).hasValue("the commit signature of validator 2 does not verify");
        }
    }

    @Test
    void rejectsACertificateOfAnotherChain() {
        TestMessages otherChain = new TestMessages("other-chain", TestValidators.of(4));
        CommitCertificate certificate = otherChain.commits(1, 0, A, 0, 1, 2);
        assertThat(CertificateVerifier.verify("other-chain", keys, certificate)).isEmpty();
        assertThat(CertificateVerifier.verify(CHAIN, keys, certificate))
                .hasValue("the commit signature of validator 0 does not verify");
    }

    @Test
    void readsSignersByTheirPlaceInGenesis() {
        List<PublicKey> reordered = new ArrayList<>(keys);
        java.util.Collections.swap(reordered, 0, 3);
        assertThat(CertificateVerifier.verify(CHAIN, reordered, messages.commits(1, 0, A, 0, 1, 2)))
                .hasValue("the commit signature of validator 0 does not verify");
    }

    @Test
    void aDuplicateSignerCannotBeWritten() {
        List<ValidatorSignature> signatures = new ArrayList<>(messages.commits(1, 0, A, 0, 1, 2).signatures());
        signatures.set(2, signatures.get(1));
        assertThatThrownBy(() -> new CommitCertificate(1, 0, A, signatures)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signatures must be in strictly ascending validator order");
        Vote twice = messages.vote(MessageType.COMMIT, 1, 0, A, 1);
        assertThatThrownBy(() -> CommitCertificate.of(List.of(messages.vote(MessageType.COMMIT, 1, 0, A, 0), twice, twice)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly ascending");
        assertThatThrownBy(() -> new CommitCertificate(1, 0, A, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a certificate needs at least one signature");
    }

    @Test
    void aSingleValidatorsCommitIsAQuorum() {
        TestMessages alone = new TestMessages(1);
        List<PublicKey> one = TestValidators.keys(1);
        assertThat(CertificateVerifier.verify(CHAIN, one, alone.commits(1, 0, A, 0))).isEmpty();
        Vote forged = alone.vote(MessageType.COMMIT, 1, 0, A, 0, TestValidators.forger());
        assertThat(CertificateVerifier.verify(CHAIN, one, CommitCertificate.of(List.of(forged))))
                .hasValue("the commit signature of validator 0 does not verify");
        assertThat(CertificateVerifier.verify(CHAIN, one, alone.commits(1, 0, A, 1)))
                .hasValue("signer 1 is not a validator");
    }

    @Test
    void aPreparedCertificateNeedsThePrimarysPrePrepareAndAQuorum() {
        CertificateVerifier verifier = verifier();
        assertThat(verifier.checkPrepared(messages.prepared(1, 1, A, 0, 1, 2))).isEmpty();
        assertThat(verifier.checkPrepared(messages.prepared(1, 1, A, 0, 1))).hasValue("2 prepare signatures, a quorum is 3");
        Vote notPrimary = messages.vote(MessageType.PRE_PREPARE, 1, 1, A, 2);
        assertThat(verifier.checkPrepared(new io.cairn.consensus.messages.PreparedCertificate(notPrimary,
                messages.prepared(1, 1, A, 0, 1, 2).prepares())))
                .hasValue("the pre-prepare of view 1 is from validator 2, not the primary 1");
        Vote forged = messages.vote(MessageType.PRE_PREPARE, 1, 1, A, 1, TestValidators.forger());
        assertThat(verifier.checkPrepared(new io.cairn.consensus.messages.PreparedCertificate(forged,
                messages.prepared(1, 1, A, 0, 1, 2).prepares())))
                .hasValue("the pre-prepare signature does not verify");
    }

    private CertificateVerifier verifier() {
        return new CertificateVerifier(CHAIN, messages.validators(), new SignatureCheck(messages.validators()));
    }

    /** {@code certificate} with the signature of {@code vote}'s sender replaced by {@code vote}'s. */
    private static CommitCertificate replace(CommitCertificate certificate, Vote vote) {
        List<ValidatorSignature> signatures = new ArrayList<>();
        for (ValidatorSignature signature : certificate.signatures()) {
            signatures.add(signature.validator() == vote.sender()
                    ? new ValidatorSignature(vote.sender(), vote.signature()) : signature);
        }
        return new CommitCertificate(certificate.height(), certificate.view(), certificate.digest(), signatures);
    }
}
