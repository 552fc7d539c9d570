package io.cairn.rpc;

import io.cairn.consensus.ValidatorSet;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.SignBytes;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Block;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.CommitCertificate.ValidatorSignature;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Validator;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * Commit certificates as a real network makes them: a quorum of the test validators signs
 * consensus's COMMIT sign-bytes, so {@code CertificateVerifier} accepts them as it would a
 * node's. (The ledger's {@code TestChain} signs only the block hash, which storage alone needs.)
 */
final class SignedCertificates {
    private SignedCertificates() {}

    static CommitCertificate certify(Genesis genesis, Block block) {
        int quorum = new ValidatorSet(validatorKeys(genesis)).quorum().size();
        byte[] signBytes = SignBytes.of(genesis.chainId(), MessageType.COMMIT, block.height(), block.header().view(),
                block.hash());
        List<ValidatorSignature> signatures = new ArrayList<>();
        for (int i = 0; i < quorum; i++) {
            signatures.add(new ValidatorSignature(i, TestKeys.validator(i).sign(signBytes)));
        }
        return new CommitCertificate(block.height(), block.header().view(), block.hash(), signatures);
    }

    static List<PublicKey> validatorKeys(Genesis genesis) {
        return genesis.validators().stream().map(Validator::publicKey).toList();
    }
}
