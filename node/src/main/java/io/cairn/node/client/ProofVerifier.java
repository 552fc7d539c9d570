package io.cairn.node.client;

import io.cairn.consensus.validation.CertificateVerifier;
import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Validator;
import io.cairn.node.chain.Certificates;
import java.util.List;
import java.util.Optional;

/**
 * Checks a {@link ProofAnswer} offline, with nothing but the genesis, from the trust root down:
 *
 * <ol>
 *   <li>the certificate: COMMIT signatures of a quorum of the genesis validators for chain id
 *       of the genesis (consensus's {@link CertificateVerifier}), so its block hash is final;
 *   <li>SHA-256 of {@code headerEncoded} is that block hash;
 *   <li>the header decoded from those bytes is the header the answer shows, at the answer's height;
 *   <li>the Merkle path (RFC 9162) leads from the transaction hash at its index to the header's
 *       {@code transactionsRoot}, in a tree of the header's {@code transactionCount}.
 * </ol>
 *
 * The first check that fails is the {@link ProofRejected} message.
 */
public final class ProofVerifier {
    private ProofVerifier() {}

    /** What a verified answer proves. */
    public record Verified(Hash transaction, long height, long index, int signers, int validators) {
        @Override
        public String toString() {
            return "verified: transaction " + transaction.toHex() + " is in block " + height
                    + ", final: signed by " + signers + " of " + validators + " validators";
        }
    }

    public static Verified verify(ProofAnswer answer, Genesis genesis) throws ProofRejected {
        CommitCertificate certificate = answer.certificate();
        checkCertificate(certificate, genesis);
        BlockHeader header = checkHeader(answer, certificate);
        checkInclusion(answer, header);
        return new Verified(answer.hash(), header.height(), answer.index(), certificate.signatures().size(),
                genesis.validators().size());
    }

    private static void checkCertificate(CommitCertificate certificate, Genesis genesis) throws ProofRejected {
        List<PublicKey> keys = genesis.validators().stream().map(Validator::publicKey).toList();
        Optional<String> problem = CertificateVerifier.verify(genesis.chainId(), keys, Certificates.toConsensus(certificate));
        if (problem.isPresent()) {
            throw new ProofRejected("certificate: " + problem.get() + " (genesis of chain '" + genesis.chainId()
                    + "' with " + keys.size() + " validators)");
        }
    }

    private static BlockHeader checkHeader(ProofAnswer answer, CommitCertificate certificate) throws ProofRejected {
        byte[] encoded = answer.headerEncoded();
        Hash hash = Hash.of(encoded);
        if (!hash.equals(certificate.blockHash())) {
            throw new ProofRejected("headerEncoded: its SHA-256 " + hash.toHex()
                    + " is not the block hash the certificate signs, " + certificate.blockHash().toHex());
        }
        BlockHeader decoded;
        try {
            decoded = BlockHeader.decode(encoded);
        } catch (DecodeException | IllegalArgumentException e) {
            throw new ProofRejected("headerEncoded: not a block header: " + e.getMessage());
        }
        compareShown(answer.header(), decoded);
        if (decoded.height() != certificate.height()) {
            throw new ProofRejected("certificate.height: " + certificate.height() + ", the header's height is "
                    + decoded.height());
        }
        if (answer.height() != decoded.height()) {
            throw new ProofRejected("height: " + answer.height() + ", the header's height is " + decoded.height());
        }
        return decoded;
    }

    /** Every header field the answer shows must be the one the signed bytes hold. */
    private static void compareShown(BlockHeader shown, BlockHeader signed) throws ProofRejected {
        differs("height", shown.height(), signed.height());
        differs("parentHash", shown.parentHash().toHex(), signed.parentHash().toHex());
        differs("timestampMillis", shown.timestampMillis(), signed.timestampMillis());
        differs("proposer", shown.proposer().toHex(), signed.proposer().toHex());
        differs("view", shown.view(), signed.view());
        differs("transactionsRoot", shown.transactionsRoot().toHex(), signed.transactionsRoot().toHex());
        differs("stateRoot", shown.stateRoot().toHex(), signed.stateRoot().toHex());
        differs("transactionCount", shown.transactionCount(), signed.transactionCount());
    }

    private static void differs(String field, Object shown, Object signed) throws ProofRejected {
        if (!shown.equals(signed)) {
            throw new ProofRejected("header." + field + ": shown as " + shown + ", the signed header holds " + signed);
        }
    }

    private static void checkInclusion(ProofAnswer answer, BlockHeader header) throws ProofRejected {
        long leafIndex = answer.proof().index();
        long treeSize = answer.proof().size();
        if (leafIndex != answer.index()) {
            throw new ProofRejected("proof.leafIndex: " + leafIndex + ", the transaction's index is " + answer.index());
        }
        if (treeSize != header.transactionCount()) {
            throw new ProofRejected("proof.treeSize: " + treeSize + ", the block holds " + header.transactionCount()
                    + " transactions");
        }
        if (!answer.proof().verify(answer.hash(), header.transactionsRoot())) {
            throw new ProofRejected("proof: the path does not lead from transaction " + answer.hash().toHex()
                    + " at leaf " + leafIndex + " of " + treeSize + " to the header's transactionsRoot "
                    + header.transactionsRoot().toHex());
        }
    }
}
