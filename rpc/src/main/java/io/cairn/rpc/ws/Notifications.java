package io.cairn.rpc.ws;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.Hash;
import io.cairn.ledger.Block;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import io.cairn.rpc.api.NodeEvent;
import io.cairn.rpc.json.BlockJson;
import io.cairn.rpc.json.TransactionJson;

/** The {@code result} of each topic's notifications, and the envelope around it. */
final class Notifications {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Notifications() {}

    /** newBlocks: the header as {@code chain_getBlock} shows it (with transactionCount), and the block hash. */
    static ObjectNode newBlock(Block block) {
        return BlockJson.header(block.header()).put("hash", block.hash().toHex());
    }

    /** newTransactions: {@code hash, kind, sender, nonce}. */
    static ObjectNode newTransaction(Hash hash, Transaction tx) {
        return JSON.objectNode()
                .put("hash", hash.toHex())
                .put("kind", tx.operation().kind().jsonName())
                .put("sender", tx.sender().toHex())
                .put("nonce", tx.nonce());
    }

    /** txStatus once the transaction is in the mempool: {@code tx_get}'s fields, without the transaction. */
    static ObjectNode pending(Hash hash) {
        ObjectNode json = JSON.objectNode().put("hash", hash.toHex()).put("status", "pending");
        json.putNull("height");
        json.putNull("index");
        json.putNull("outcome");
        return json;
    }

    /** txStatus once the transaction is in a committed block: where, and how it ended. */
    static ObjectNode committed(Receipt receipt) {
        return JSON.objectNode()
                .put("hash", receipt.transactionHash().toHex())
                .put("status", "committed")
                .put("height", receipt.height())
                .put("index", receipt.index())
                .put("outcome", TransactionJson.outcomeName(receipt.outcome()));
    }

    /** consensus: {@code height, view, primary, changingView}. */
    static ObjectNode consensus(NodeEvent.ConsensusChanged changed) {
        return JSON.objectNode()
                .put("height", changed.height())
                .put("view", changed.view())
                .put("primary", changed.primary())
                .put("changingView", changed.changingView());
    }

    /**
     * The JSON-RPC notification carrying {@code result} (rendered JSON) for {@code subscription}.
     * Built by concatenation: ids are hex the server made, so they need no escaping.
     */
    static String envelope(String subscription, String result) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"subscription\":\"" + subscription
                + "\",\"result\":" + result + "}}";
    }
}
