package io.cairn.node.api;

import io.cairn.crypto.Hash;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.Block;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.BlockStore;
import io.cairn.node.chain.ConsensusDriver;
import io.cairn.rpc.api.NodeEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's events and who listens to them. Events are published on the thread where they
 * happen (consensus, admission workers, RPC), so listeners must return at once; one that throws is
 * dropped, with one log line, and never disturbs the thread that published. With no listener,
 * publishing costs nothing but a check.
 */
public final class NodeEvents {
    private static final Logger log = LoggerFactory.getLogger(NodeEvents.class);

    private final List<Consumer<NodeEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} for every event from now on; close the result to stop. */
    public AutoCloseable subscribe(Consumer<NodeEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    public void publish(NodeEvent event) {
        for (Consumer<NodeEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                if (listeners.remove(listener)) {
                    log.warn("Dropped an event listener that failed on {}: {}", event.getClass().getSimpleName(),
                            e.toString(), e);
                }
            }
        }
    }

    /** The consensus driver's committed-block callback: each block with its certificate, read back from the store. */
    public Consumer<Block> committedBlocks(BlockStore store) {
        return block -> {
            if (!hasListeners()) {
                return;
            }
            Optional<CommitCertificate> certificate = store.certificate(block.height());
            if (certificate.isEmpty()) {
                log.warn("Block {} was committed without a certificate in the store; no event for it", block.height());
                return;
            }
            publish(new NodeEvent.BlockCommitted(block, certificate.get()));
        };
    }

    /** The consensus driver's position callback. */
    public void consensusChanged(ConsensusDriver.Position position) {
        if (hasListeners()) {
            publish(new NodeEvent.ConsensusChanged(position.height(), position.view(), position.primary(),
                    position.changingView()));
        }
    }

    /** After the mempool admitted {@code encoded} as {@code hash}, from a client or by gossip. */
    public void transactionAdmitted(Hash hash, byte[] encoded) {
        if (!hasListeners()) {
            return;
        }
        Transaction tx;
        try {
            tx = Transaction.decode(encoded); // the mempool decoded these very bytes: cannot fail
        } catch (DecodeException e) {
            log.warn("Admitted transaction {} no longer decodes ({}); no event for it", hash, e.getMessage());
            return;
        }
        publish(new NodeEvent.TransactionAdmitted(hash, tx));
    }
}
