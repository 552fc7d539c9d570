package io.cairn.consensus.sim;

import io.cairn.consensus.Event;
import io.cairn.consensus.Ready.SyncRequest;
import io.cairn.consensus.sim.Chain.StoredBlock;
import java.util.List;
import java.util.TreeMap;

/**
 * A node's block sync, through the simulated network: when its core asks, it requests the missing
 * blocks with their certificates from a peer the core named, and feeds them back one by one, in
 * height order, each once the one before is applied. The core checks every certificate; a block it
 * refuses is dropped with what came after it. Everything here is in memory and lost in a crash.
 */
final class BlockSync {
    private final SimNode node;
    private final TreeMap<Long, StoredBlock> fetched = new TreeMap<>();
    private long target;
    private int peer = -1;

    BlockSync(SimNode node) {
        this.node = node;
    }

    void reset() {
        fetched.clear();
        target = 0;
        peer = -1;
    }

    void start(SyncRequest request) {
        SimContext context = node.context;
        if (context.scenario.n() == 1) {
            return;
        }
        target = Math.max(target, request.targetHeight());
        List<Integer> peers = request.peers().stream()
                .filter(p -> p != node.index && p < context.scenario.n()).toList();
        request(peers.isEmpty() ? context.otherThan(node.index) : peers.get(context.rng.nextInt(peers.size())));
    }

    private void request(int from) {
        if (node.chain.height() < target) {
            peer = from;
            node.context.network.send(node.index, from, new Packet.BlockRequest(node.chain.height() + 1, target));
        }
    }

    void onBlocks(int from, Packet.BlockResponse response) {
        for (StoredBlock block : response.blocks()) {
            if (block.height() > node.chain.height()) {
                fetched.putIfAbsent(block.height(), block);
            }
        }
        feed();
    }

    /** Feeds the next fetched block, if the core is free for it; asks the same peer for more when out. */
    void feed() {
        if (!node.isUp() || node.applying > 0) {
            return;
        }
        fetched.headMap(node.chain.height(), true).clear();
        StoredBlock next = fetched.remove(node.chain.height() + 1);
        if (next == null) {
            if (fetched.isEmpty() && peer >= 0) {
                int same = peer; // caught up with the last batch: ask the same peer for more
                peer = -1;
                request(same);
            }
            return;
        }
        node.step(new Event.Synced(next.height(), next.bytes(), next.certificate()));
        if (node.applying > 0) {
            node.context.stats.syncedBlocks++;
        } else {
            fetched.clear(); // refused: what follows cannot apply either, and this peer is not to be trusted
            peer = -1;
        }
    }
}
