package io.cairn.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.cairn.crypto.Hash;
import io.cairn.crypto.MerkleTree;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Block;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.AccountTransaction;
import io.cairn.ledger.store.AccountTransaction.Cursor;
import io.cairn.ledger.store.BlockStore;
import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.api.SubmitResult;
import io.cairn.rpc.json.HistoryJson;
import io.cairn.rpc.json.ProofJson;
import io.cairn.rpc.json.TransactionJson;
import io.cairn.rpc.jsonrpc.Params;
import io.cairn.rpc.jsonrpc.RpcError;
import io.cairn.rpc.jsonrpc.RpcException;
import io.cairn.rpc.jsonrpc.RpcMethod.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code tx_*}: submitting transactions, finding them again, proving them and listing an account's. */
final class TxMethods {
    static final int MAX_LISTED = 100;
    static final int DEFAULT_LISTED = 20;

    private final NodeApi node;

    TxMethods(NodeApi node) {
        this.node = node;
    }

    /** The transaction's hash once the mempool admitted it; the node's reason when it did not. */
    JsonNode submit(Params params) throws RpcException {
        return answer(node.submit(params.hexBytes("tx")));
    }

    /**
     * {@link #submit} for every tx_submit of a batch, with one {@link NodeApi#submitAll} for those whose
     * 'tx' is hex: the node admits them in one pass of its mempool.
     */
    List<Outcome> submitAll(List<Params> calls) {
        Outcome[] outcomes = new Outcome[calls.size()];
        List<Integer> submitted = new ArrayList<>();
        List<byte[]> transactions = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            try {
                transactions.add(calls.get(i).hexBytes("tx"));
                submitted.add(i);
            } catch (RpcException e) {
                outcomes[i] = new Outcome.Failure(e.error());
            }
        }
        List<SubmitResult> results = transactions.isEmpty() ? List.of() : node.submitAll(transactions);
        if (results.size() != transactions.size()) {
            throw new IllegalStateException("the node answered " + results.size() + " results for "
                    + transactions.size() + " transactions");
        }
        for (int k = 0; k < results.size(); k++) {
            try {
                outcomes[submitted.get(k)] = new Outcome.Result(answer(results.get(k)));
            } catch (RpcException e) {
                outcomes[submitted.get(k)] = new Outcome.Failure(e.error());
            }
        }
        return Arrays.asList(outcomes);
    }

    /** What the client is told of one submission, alone or in a batch. */
    private static JsonNode answer(SubmitResult result) throws RpcException {
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
        Block block = blockOf(blocks, receipt.get());
        return Optional.of(TransactionJson.committed(block.transactions().get(receipt.get().index()), receipt.get()));
    }

    /** The inclusion proof, header and certificate of a committed transaction; null when it is not committed. */
    JsonNode proof(Params params) throws RpcException {
        Hash hash = params.hash("hash");
        BlockStore blocks = node.blocks();
        Optional<Receipt> receipt = blocks.receipt(hash);
        if (receipt.isEmpty()) {
            return NullNode.getInstance();
        }
        Block block = blockOf(blocks, receipt.get());
        CommitCertificate certificate = blocks.certificate(block.height()).orElseThrow(() -> new IllegalStateException(
                "block " + block.height() + " is stored without its certificate"));
        return ProofJson.of(receipt.get(), MerkleTree.proof(block.transactionHashes(), receipt.get().index()),
                block.header(), certificate);
    }

    /** One page of the committed transactions naming {@code address}, newest first, and the cursor of the next. */
    JsonNode listByAccount(Params params) throws RpcException {
        PublicKey address = params.publicKey("address");
        Optional<Cursor> before = params.has("before") ? Optional.of(cursor(params, "before")) : Optional.empty();
        int limit = params.has("limit") ? params.intInRange("limit", 1, MAX_LISTED) : DEFAULT_LISTED;
        // One more than asked says whether another page follows, so the last page has next = null.
        List<AccountTransaction> found = node.blocks().transactionsOf(address, before, limit + 1);
        if (found.size() <= limit) {
            return HistoryJson.page(found, Optional.empty());
        }
        List<AccountTransaction> page = found.subList(0, limit);
        return HistoryJson.page(page, Optional.of(page.get(limit - 1).cursor()));
    }

    private static Cursor cursor(Params params, String name) throws RpcException {
        String text = params.text(name);
        try {
            return HistoryJson.parseCursor(text);
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcError.invalidParam(name, "is not a cursor: " + e.getMessage()));
        }
    }

    private static Block blockOf(BlockStore blocks, Receipt receipt) {
        return blocks.block(receipt.height()).orElseThrow(() -> new IllegalStateException("the receipt of "
                + receipt.transactionHash() + " names block " + receipt.height() + ", which the store lacks"));
    }
}
