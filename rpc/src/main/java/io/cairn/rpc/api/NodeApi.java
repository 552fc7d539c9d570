package io.cairn.rpc.api;

import io.cairn.crypto.Hash;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.BlockStore;
import io.cairn.ledger.store.StateStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the RPC reads from or asks of the node, in one narrow interface that the node
 * implements. Reads of committed data go straight to the ledger's stores; the rest is live node
 * state. Implementations are called from many threads at once.
 */
public interface NodeApi {
    Genesis genesis();

    /** Committed blocks, certificates, receipts and the transaction index. */
    BlockStore blocks();

    /** The committed state at {@code blocks().head()}. */
    StateStore state();

    /** Admits a transaction in its canonical encoding to the mempool (which gossips it), or says why not. */
    SubmitResult submit(byte[] encodedTransaction);

    /**
     * Submits transactions as {@link #submit} would one after another, in order, and answers one result per
     * transaction in the same order. A node may admit them together, in one pass of its mempool, which is
     * why a batch of submissions should come through here.
     */
    default List<SubmitResult> submitAll(List<byte[]> encodedTransactions) {
        return encodedTransactions.stream().map(this::submit).toList();
    }

    /** A transaction waiting in the mempool, if it is there. */
    Optional<Transaction> pending(Hash transactionHash);

    NodeStatus status();

    List<PeerInfo> peers();

    /**
     * Calls {@code listener} for every {@link NodeEvent} from now on, on the node's own threads:
     * it must hand the event on and return at once, never block. Close the result to stop.
     */
    AutoCloseable subscribe(Consumer<NodeEvent> listener);

    Health health();

    /** The node's metrics in the Prometheus text exposition format. */
    String metrics();
}
