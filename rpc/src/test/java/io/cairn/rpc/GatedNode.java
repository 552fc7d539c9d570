package io.cairn.rpc;

import io.cairn.crypto.Hash;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.BlockStore;
import io.cairn.ledger.store.StateStore;
import io.cairn.rpc.api.Health;
import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.api.NodeEvent;
import io.cairn.rpc.api.NodeStatus;
import io.cairn.rpc.api.PeerInfo;
import io.cairn.rpc.api.SubmitResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An {@link InMemoryNode} whose block store, once armed, makes the next caller wait at the gate
 * until it is opened: a store read that hangs, to hold up whoever needs it.
 */
final class GatedNode implements NodeApi {
    private final InMemoryNode node;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);
    private volatile boolean armed;

    GatedNode(InMemoryNode node) {
        this.node = node;
    }

    /** The next {@link #blocks()} call waits until {@link #open()}. */
    void arm() {
        armed = true;
    }

    /** Waits until a caller is held at the gate. */
    void awaitHeld() throws InterruptedException {
        if (!reached.await(WsClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("nobody reached the gate");
        }
    }

    void open() {
        open.countDown();
    }

    @Override
    public BlockStore blocks() {
        if (armed) {
            armed = false;
            reached.countDown();
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return node.blocks();
    }

    @Override
    public Genesis genesis() {
        return node.genesis();
    }

    @Override
    public StateStore state() {
        return node.state();
    }

    @Override
    public SubmitResult submit(byte[] encodedTransaction) {
        return node.submit(encodedTransaction);
    }

    @Override
    public List<SubmitResult> submitAll(List<byte[]> encodedTransactions) {
        return node.submitAll(encodedTransactions);
    }

    @Override
    public Optional<Transaction> pending(Hash transactionHash) {
        return node.pending(transactionHash);
    }

    @Override
    public NodeStatus status() {
        return node.status();
    }

    @Override
    public List<PeerInfo> peers() {
        return node.peers();
    }

    @Override
    public AutoCloseable subscribe(Consumer<NodeEvent> listener) {
        return node.subscribe(listener);
    }

    @Override
    public Health health() {
        return node.health();
    }

    @Override
    public String metrics() {
        return node.metrics();
    }
}
