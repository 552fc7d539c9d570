package io.cairn.node.chain;

import io.cairn.consensus.messages.ValidatorSignature;
import io.cairn.ledger.CommitCertificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between the two forms of one commit certificate: consensus's (what it checks, keyed by
 * the proposal digest) and the ledger's (what the store keeps beside the block). The node's
 * proposal digest is the block hash, so the conversion is field by field.
 */
public final class Certificates {
    private Certificates() {}

    public static CommitCertificate toLedger(io.cairn.consensus.messages.CommitCertificate certificate) {
        List<CommitCertificate.ValidatorSignature> signatures = new ArrayList<>(certificate.signatures().size());
        for (ValidatorSignature signature : certificate.signatures()) {
            signatures.add(new CommitCertificate.ValidatorSignature(signature.validator(), signature.signature()));
        }
        return new CommitCertificate(certificate.height(), certificate.view(), certificate.digest(), signatures);
    }

    public static io.cairn.consensus.messages.CommitCertificate toConsensus(CommitCertificate certificate) {
        List<ValidatorSignature> signatures = new ArrayList<>(certificate.signatures().size());
        for (CommitCertificate.ValidatorSignature signature : certificate.signatures()) {
            signatures.add(new ValidatorSignature(signature.validator(), signature.signature()));
        }
        return new io.cairn.consensus.messages.CommitCertificate(certificate.height(), certificate.view(),
                certificate.blockHash(), signatures);
    }
}
