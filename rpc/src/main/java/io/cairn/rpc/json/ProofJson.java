package io.cairn.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.crypto.MerkleProof;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Receipt;

/**
 * {@code tx_getProof}: everything a client needs to check, with only the genesis validator
 * keys, that a transaction is in a final block. docs/rpc.md lists the three checks.
 */
public final class ProofJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProofJson() {}

    /**
     * {@code hash, height, index}, the Merkle {@code proof} of the hash against the header's
     * transactions root, the {@code header} (as {@code chain_getBlock} shows it), its canonical
     * encoding {@code headerEncoded} (whose SHA-256 is the block hash) and the commit
     * {@code certificate} of that block hash.
     */
    public static ObjectNode of(Receipt receipt, MerkleProof proof, BlockHeader header, CommitCertificate certificate) {
        ObjectNode json = JSON.objectNode()
                .put("hash", receipt.transactionHash().toHex())
                .put("height", receipt.height())
                .put("index", receipt.index());
        json.set("proof", merkle(proof));
        json.set("header", BlockJson.header(header));
        json.put("headerEncoded", Hex.encode(header.encode()));
        json.set("certificate", BlockJson.certificate(certificate));
        return json;
    }

    /** RFC 9162's inclusion proof: the leaf's index, the tree's size and the audit path, leaf first. */
    public static ObjectNode merkle(MerkleProof proof) {
        ObjectNode json = JSON.objectNode().put("leafIndex", proof.index()).put("treeSize", proof.size());
        ArrayNode path = json.putArray("path");
        for (Hash sibling : proof.path()) {
            path.add(sibling.toHex());
        }
        return json;
    }
}
