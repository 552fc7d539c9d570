package io.cairn.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.messages.ValidatorSignature;
import io.cairn.consensus.validation.CertificateVerifier;
import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Validator;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificatesTest {
    private static final Genesis GENESIS = TestGenesis.of(4, 2);
    private static final List<PublicKey> KEYS = GENESIS.validators().stream().map(Validator::publicKey).toList();
    private static final Hash BLOCK = Hash.of("block 7".getBytes(StandardCharsets.UTF_8));

    private static io.cairn.consensus.messages.CommitCertificate consensusCertificate() {
        return TestCertificates.commit(GENESIS.chainId(), 7, 2, BLOCK, 0, 2, 3);
    }

    @Test
    void mapsEveryFieldToTheLedgerForm() {
        io.cairn.consensus.messages.CommitCertificate certificate = consensusCertificate();

        CommitCertificate ledger = Certificates.toLedger(certificate);

        assertThat(ledger.height()).isEqualTo(7);
        assertThat(ledger.view()).isEqualTo(2);
        assertThat(ledger.blockHash()).isEqualTo(BLOCK);
        assertThat(ledger.signatures()).extracting(CommitCertificate.ValidatorSignature::validator)
                .containsExactly(0, 2, 3);
        assertThat(ledger.signatures()).extracting(CommitCertificate.ValidatorSignature::signature)
                .containsExactlyElementsOf(certificate.signatures().stream().map(ValidatorSignature::signature).toList());
    }

    @Test
    void consensusToLedgerAndBackIsTheSameCertificate() {
        io.cairn.consensus.messages.CommitCertificate certificate = consensusCertificate();

        assertThat(Certificates.toConsensus(Certificates.toLedger(certificate))).isEqualTo(certificate);
    }

    @Test
    void ledgerToConsensusAndBackIsTheSameCertificate() throws Exception {
        CommitCertificate stored = CommitCertificate.decode(Certificates.toLedger(consensusCertificate()).encode());

        assertThat(Certificates.toLedger(Certificates.toConsensus(stored))).isEqualTo(stored);
    }

    /** What a block explorer or a syncing node does with a stored certificate: check it against genesis. */
    @Test
    void aStoredCertificateVerifiesAgainstTheGenesisKeys() throws Exception {
        CommitCertificate stored = CommitCertificate.decode(Certificates.toLedger(consensusCertificate()).encode());

        assertThat(CertificateVerifier.verify(GENESIS.chainId(), KEYS, Certificates.toConsensus(stored))).isEmpty();
    }

    /** The check above can fail: the same signatures on another chain, or a forged signer, do not verify. */
    @Test
    void aCertificateOfAnotherChainOrWithAForgedSignatureDoesNotVerify() {
        io.cairn.consensus.messages.CommitCertificate certificate = consensusCertificate();
        CommitCertificate ledger = Certificates.toLedger(certificate);
        List<CommitCertificate.ValidatorSignature> forged = List.of(ledger.signatures().get(0),
                ledger.signatures().get(1),
                new CommitCertificate.ValidatorSignature(3, TestKeys.stranger().sign(BLOCK.toByteArray())));
        CommitCertificate tampered = new CommitCertificate(7, 2, BLOCK, forged);

        assertThat(CertificateVerifier.verify("another-chain", KEYS, certificate)).isPresent();
        assertThat(CertificateVerifier.verify(GENESIS.chainId(), KEYS, Certificates.toConsensus(tampered)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("validator 3"));
    }
}
