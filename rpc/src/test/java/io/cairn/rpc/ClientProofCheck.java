package io.cairn.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.ValidatorSignature;
import io.cairn.consensus.validation.CertificateVerifier;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.crypto.MerkleProof;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.Signature;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.BlockHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a {@code tx_getProof} answer as docs/rpc.md tells a client to, from the JSON alone and
 * the genesis chain id and validator keys: the Merkle path leads from the transaction hash to the
 * transactions root of {@code headerEncoded}; SHA-256 of {@code headerEncoded} is the block hash
 * the certificate is for, at the header's height; a quorum of validators signed COMMIT for it.
 */
final class ClientProofCheck {
    private ClientProofCheck() {}

    /** Empty when the answer proves the transaction final; otherwise what is wrong. */
    static Optional<String> failure(JsonNode answer, String chainId, List<PublicKey> validatorKeys) {
        byte[] headerBytes = Hex.decode(answer.get("headerEncoded").textValue());
        BlockHeader header;
        try {
            header = BlockHeader.decode(headerBytes);
        } catch (DecodeException e) {
            return Optional.of("headerEncoded is not a header: " + e.getMessage());
        }
        Hash transaction = Hash.fromHex(answer.get("hash").textValue());
        if (!merkleProof(answer.get("proof")).verify(transaction, header.transactionsRoot())) {
            return Optional.of("the Merkle proof does not lead to the header's transactions root");
        }
        JsonNode certificate = answer.get("certificate");
        Hash blockHash = Hash.of(headerBytes);
        if (!Hash.fromHex(certificate.get("blockHash").textValue()).equals(blockHash)
                || certificate.get("height").asLong() != header.height()) {
            return Optional.of("the certificate is not for this header");
        }
        return CertificateVerifier.verify(chainId, validatorKeys, consensusCertificate(certificate));
    }

    static MerkleProof merkleProof(JsonNode proof) {
        List<Hash> path = new ArrayList<>();
        proof.get("path").forEach(sibling -> path.add(Hash.fromHex(sibling.textValue())));
        return new MerkleProof(proof.get("leafIndex").asLong(), proof.get("treeSize").asLong(), path);
    }

    private static CommitCertificate consensusCertificate(JsonNode json) {
        List<ValidatorSignature> signatures = new ArrayList<>();
        json.get("signatures").forEach(signature -> signatures.add(new ValidatorSignature(
                signature.get("validator").asInt(), Signature.fromHex(signature.get("signature").textValue()))));
        return new CommitCertificate(json.get("height").asLong(), json.get("view").asLong(),
                Hash.fromHex(json.get("blockHash").textValue()), signatures);
    }
}
