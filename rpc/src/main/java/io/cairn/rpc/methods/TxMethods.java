package io.cairn.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.cairn.crypto.Hash;
import io.cairn.ledger.Block;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.BlockStore;
import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.api.SubmitResult;
import io.cairn.rpc.json.TransactionJson;
import io.cairn.rpc.jsonrpc.Params;
import io.cairn.rpc.jsonrpc.RpcError;
import io.cairn.rpc.jsonrpc.RpcException;
import java.util.Optional;

/** {@code tx_*}: submitting transactions and finding them again. */
final class TxMethods {
    private final NodeApi node;

    TxMethods(NodeApi node) {
        this.node = node;
    }

    /** The transaction's hash once the mempool admitted it; the node's reason when it did not. */
    JsonNode submit(Params params) throws RpcException {
        SubmitResult result = node.submit(params.hexBytes("tx"));
        if (result instanceof SubmitResult.Refused refused) {
            throw new RpcException(RpcError.application(RpcError.TRANSACTION_REFUSED, "transaction refused",
                    refused.reason(), refused.message()));
        }
        Hash hash = ((SubmitResult.Admitted) result).transactionHash();
        return JsonNodeFactory.instance.objectNode().put("hash", hash.toHex());
    }

    /** Committed (with its receipt), pending in the mempool, or null when this node knows nothing of it. */
    JsonNode get(Params params) throws RpcException {
        Hash hash = params.hash("hash");
        Optional<JsonNode> committed = committed(hash);
        if (committed.isPresent()) {
            return committed.get();
        }
        Optional<Transaction> pending = node.pending(hash);
        if (pending.isPresent()) {
            return TransactionJson.pending(pending.get(), hash);
        }
        // It may have been committed, and so left the mempool, between the two reads above.
        return committed(hash).orElse(NullNode.getInstance());
    }

    private Optional<JsonNode> committed(Hash hash) {
        BlockStore blocks = node.blocks();
        Optional<Receipt> receipt = blocks.receipt(hash);
        if (receipt.isEmpty()) {
            return Optional.empty();
        }
        Block block = blocks.block(receipt.get().height()).orElseThrow(() -> new IllegalStateException(
                "the receipt of " + hash + " names block " + receipt.get().height() + ", which the store lacks"));
        return Optional.of(TransactionJson.committed(block.transactions().get(receipt.get().index()), receipt.get()));
    }
}
