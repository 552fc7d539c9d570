package io.cairn.rpc.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Outcome;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import java.util.Locale;

/** Transactions as the API shows them: decoded fields, hashes and keys in lower-case hex. */
public final class TransactionJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TransactionJson() {}

    /** {@code kind, sender, nonce}, the operation's own fields, then the signature. */
    public static ObjectNode fields(Transaction tx) {
        ObjectNode json = JSON.objectNode();
        putFields(json, tx);
        return json;
    }

    /** The fields with the transaction's hash first, as a block lists them. */
    public static ObjectNode withHash(Transaction tx) {
        ObjectNode json = JSON.objectNode().put("hash", tx.hash().toHex());
        putFields(json, tx);
        return json;
    }

    /** {@code tx_get} for a transaction in a committed block: where it is and how it ended. */
    public static ObjectNode committed(Transaction tx, Receipt receipt) {
        ObjectNode json = JSON.objectNode()
                .put("hash", receipt.transactionHash().toHex())
                .put("status", "committed")
                .put("height", receipt.height())
                .put("index", receipt.index())
                .put("outcome", outcomeName(receipt.outcome()));
        json.set("transaction", fields(tx));
        return json;
    }

    /** {@code tx_get} for a transaction still in the mempool: no block, no outcome yet. */
    public static ObjectNode pending(Transaction tx, Hash hash) {
        ObjectNode json = JSON.objectNode().put("hash", hash.toHex()).put("status", "pending");
        json.putNull("height");
        json.putNull("index");
        json.putNull("outcome");
        json.set("transaction", fields(tx));
        return json;
    }

    /** {@code success}, {@code insufficient_balance}, ...: the receipt's outcome in snake_case. */
    public static String outcomeName(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    private static void putFields(ObjectNode json, Transaction tx) {
        Operation operation = tx.operation();
        json.put("kind", operation.kind().jsonName())
                .put("sender", tx.sender().toHex())
                .put("nonce", tx.nonce());
        if (operation instanceof Operation.Transfer transfer) {
            json.put("to", transfer.to().toHex()).put("amount", transfer.amount());
        } else if (operation instanceof Operation.Put put) {
            json.put("key", Hex.encode(put.key())).put("value", Hex.encode(put.value()));
        } else if (operation instanceof Operation.Grant grant) {
            json.put("account", grant.account().toHex()).put("permission", grant.permission().jsonName());
        } else if (operation instanceof Operation.Revoke revoke) {
            json.put("account", revoke.account().toHex()).put("permission", revoke.permission().jsonName());
        } else {
            throw new IllegalStateException("no JSON form for operation " + operation.kind());
        }
        json.put("signature", tx.signature().toHex());
    }
}
