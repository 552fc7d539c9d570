package io.cairn.node;

import io.cairn.consensus.Event;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.node.api.NodeEvents;
import io.cairn.node.chain.ConsensusDriver;
import io.cairn.node.mempool.Admission;
import io.cairn.node.mempool.Mempool;
import io.cairn.node.p2p.PeerListener;
import io.cairn.node.p2p.PeerNetwork;
import io.cairn.node.sync.BlockServer;
import io.cairn.node.sync.BlockSync;
import io.cairn.node.sync.SyncSignatures;
import io.cairn.node.wire.NodeMessage;
import io.cairn.node.wire.NodeMessageCodec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Routes what peers send: consensus messages and sync answers to the consensus thread, gossiped
 * transactions and sync requests to worker threads (signature checks and store reads never run
 * on network threads). A payload that does not decode cuts that validator's connection off, like
 * any other garbage on the wire; the network carries on.
 */
final class Inbound {
    private final ConsensusDriver driver;
    private final BlockSync sync;
    private final BlockServer server;
    private final Mempool mempool;
    private final LedgerStore store;
    private final ExecutorService workers;
    private final Map<Integer, Long> peerHeights;
    private final NodeEvents events;

    Inbound(ConsensusDriver driver, BlockSync sync, BlockServer server, Mempool mempool, LedgerStore store,
            ExecutorService workers, Map<Integer, Long> peerHeights, NodeEvents events) {
        this.driver = driver;
        this.sync = sync;
        this.server = server;
        this.mempool = mempool;
        this.store = store;
        this.workers = workers;
        this.peerHeights = peerHeights;
        this.events = events;
    }

    PeerListener listener(PeerNetwork[] network) {
        return new PeerListener() {
            @Override
            public void onMessage(int validator, byte[] payload) {
                route(validator, payload, network[0]);
            }

            @Override
            public void onConnected(int validator) {
                network[0].send(validator, NodeMessageCodec.encode(new NodeMessage.Status(store.head().height())));
            }
        };
    }

    private void route(int peer, byte[] payload, PeerNetwork network) {
        NodeMessage message;
        try {
            message = NodeMessageCodec.decode(payload);
        } catch (DecodeException e) {
            network.cutOff(peer, e.getMessage()); // logged once and counted by the network
            return;
        }
        if (message instanceof NodeMessage.Consensus consensus) {
            driver.received(new Event.Received(consensus.message()), payload.length);
        } else if (message instanceof NodeMessage.Transactions transactions) {
            work(() -> admit(transactions));
        } else if (message instanceof NodeMessage.BlocksRequest request) {
            work(() -> network.send(peer, NodeMessageCodec.encode(server.answer(request))));
        } else if (message instanceof NodeMessage.Blocks blocks) {
            // Check the blocks' signatures on all cores first, remembered by the mempool's verifier,
            // so the consensus thread executes them without verifying one by one.
            work(() -> {
                SyncSignatures.verifyInParallel(blocks, mempool.signatures());
                driver.execute(() -> sync.onBlocks(peer, blocks, driver.core().height()).forEach(driver::step));
            });
        } else if (message instanceof NodeMessage.Status status) {
            peerHeights.merge(peer, status.height(), Math::max);
            driver.execute(() -> sync.onStatus(peer, status.height()));
        }
    }

    private void admit(NodeMessage.Transactions transactions) {
        boolean admitted = false;
        List<Admission> admissions = mempool.addAll(transactions.encoded(), store);
        for (int i = 0; i < admissions.size(); i++) {
            if (admissions.get(i) instanceof Admission.Admitted accepted) {
                admitted = true;
                events.transactionAdmitted(accepted.hash(), transactions.encoded().get(i));
            }
        }
        if (admitted) {
            driver.workChanged();
        }
    }

    private void work(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }
}
