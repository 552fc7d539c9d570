package io.cairn.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.Hash;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Transaction;
import java.util.Optional;

/** Blocks, headers and commit certificates as the API shows them. */
public final class BlockJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BlockJson() {}

    /** {@code header, hash, transactions, certificate}; the certificate is null only if the store lacks it. */
    public static ObjectNode of(Block block, Optional<CommitCertificate> certificate) {
        ObjectNode json = JSON.objectNode();
        json.set("header", header(block.header()));
        json.put("hash", block.hash().toHex());
        ArrayNode transactions = json.putArray("transactions");
        for (Transaction tx : block.transactions()) {
            transactions.add(TransactionJson.withHash(tx));
        }
        json.set("certificate", certificate.map(BlockJson::certificate).orElse(null));
        return json;
    }

    /** Height 0 has no block, only the genesis, which the chain's first block names as its parent. */
    public static ObjectNode genesis(Hash genesisHash) {
        return JSON.objectNode().put("height", 0).put("hash", genesisHash.toHex());
    }

    public static ObjectNode header(BlockHeader header) {
        return JSON.objectNode()
                .put("height", header.height())
                .put("parentHash", header.parentHash().toHex())
                .put("timestampMillis", header.timestampMillis())
                .put("proposer", header.proposer().toHex())
                .put("view", header.view())
                .put("transactionsRoot", header.transactionsRoot().toHex())
                .put("stateRoot", header.stateRoot().toHex())
                .put("transactionCount", header.transactionCount());
    }

    /** A header with its block hash, as block lists show it: {@code chain_getBlocks}. */
    public static ObjectNode summary(BlockHeader header) {
        return JSON.objectNode()
                .put("height", header.height())
                .put("hash", header.hash().toHex())
                .put("timestampMillis", header.timestampMillis())
                .put("proposer", header.proposer().toHex())
                .put("view", header.view())
                .put("transactionCount", header.transactionCount())
                .put("stateRoot", header.stateRoot().toHex())
                .put("transactionsRoot", header.transactionsRoot().toHex())
                .put("parentHash", header.parentHash().toHex());
    }

    public static ObjectNode certificate(CommitCertificate certificate) {
        ObjectNode json = JSON.objectNode()
                .put("height", certificate.height())
                .put("view", certificate.view())
                .put("blockHash", certificate.blockHash().toHex());
        ArrayNode signatures = json.putArray("signatures");
        for (CommitCertificate.ValidatorSignature signature : certificate.signatures()) {
            signatures.addObject()
                    .put("validator", signature.validator())
                    .put("signature", signature.signature().toHex());
        }
        return json;
    }
}
