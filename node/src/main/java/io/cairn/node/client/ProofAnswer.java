package io.cairn.node.client;

import io.cairn.crypto.Hash;
import io.cairn.crypto.MerkleProof;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import java.util.Objects;

/**
 * A {@code tx_getProof} answer, read but not yet checked: the transaction's hash and place, its
 * Merkle inclusion proof, the block header both as fields and as its canonical encoding, and the
 * commit certificate. {@link ProofVerifier} decides whether it proves anything.
 *
 * @param header the header fields the answer shows
 * @param headerEncoded the canonical encoding the certificate's block hash is the SHA-256 of
 */
public record ProofAnswer(
        Hash hash,
        long height,
        long index,
        MerkleProof proof,
        BlockHeader header,
        byte[] headerEncoded,
        CommitCertificate certificate) {

    public ProofAnswer {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(certificate, "certificate");
        headerEncoded = headerEncoded.clone();
    }

    @Override
    public byte[] headerEncoded() {
        return headerEncoded.clone();
    }
}
