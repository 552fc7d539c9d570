package io.cairn.node.sync;

import io.cairn.consensus.Event;
import io.cairn.consensus.Ready.SyncRequest;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.CommitCertificate;
import io.cairn.node.chain.Certificates;
import io.cairn.node.wire.NodeMessage.Blocks;
import io.cairn.node.wire.NodeMessage.BlocksRequest;
import io.cairn.node.wire.NodeMessage.CertifiedBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches committed blocks this node is missing, from validators that have them. It learns that
 * it is behind from the consensus core (a certificate or f + 1 validators at later heights) or from
 * peers' status messages when the network is quiet. One request is out at a time; the next is sent
 * as soon as an answer arrives, before the answer's blocks are applied. Each block comes back as
 * an {@link Event.Synced} for the core, which checks its certificate against the validators before
 * the block is executed. Runs on the consensus thread only.
 */
public final class BlockSync {
    private static final Logger log = LoggerFactory.getLogger(BlockSync.class);

    /** Sends a request to one validator; false when it cannot be sent now. */
    public interface Requester {
        boolean request(int validator, BlocksRequest request);
    }

    private final int self;
    private final LongSupplier committedHeight;
    private final Requester requester;
    private final int blocksPerRequest;
    private final int timeoutTicks;
    private final Map<Integer, Long> peerHeights = new HashMap<>();
    private long target;
    private Outstanding outstanding;
    private int rotation;
    private long lastHeight = -1;
    private int stuckTicks;
    private volatile boolean syncing;

    private record Outstanding(int peer, long from, long to, int ticksLeft) {}

    public BlockSync(int self, LongSupplier committedHeight, Requester requester, int blocksPerRequest, int timeoutTicks) {
        this.self = self;
        this.committedHeight = committedHeight;
        this.requester = requester;
        this.blocksPerRequest = blocksPerRequest;
        this.timeoutTicks = timeoutTicks;
    }

    /** True while blocks are being fetched. Any thread may read it. */
    public boolean syncing() {
        return syncing;
    }

    /** The core asks: blocks up to {@code targetHeight} are final and these peers have them. */
    public void onRequest(SyncRequest request) {
        for (int peer : request.peers()) {
            peerHeights.merge(peer, request.targetHeight(), Math::max);
        }
        behind(request.targetHeight());
    }

    /** A peer's committed height, from its status message. */
    public void onStatus(int peer, long height) {
        peerHeights.merge(peer, height, Math::max);
    }

    /**
     * One tick: retry a request that timed out, and notice being behind a quiet network: a peer
     * reports more blocks than this node has, and this node has not moved for a while.
     */
    public void onTick() {
        long height = committedHeight.getAsLong();
        stuckTicks = height == lastHeight ? stuckTicks + 1 : 0;
        lastHeight = height;
        if (outstanding != null && outstanding.ticksLeft() <= 1) {
            log.info("Block sync: validator {} did not answer for blocks {}..{}; asking another", outstanding.peer(),
                    outstanding.from(), outstanding.to());
            outstanding = null;
        } else if (outstanding != null) {
            outstanding = new Outstanding(outstanding.peer(), outstanding.from(), outstanding.to(),
                    outstanding.ticksLeft() - 1);
        }
        long best = peerHeights.values().stream().mapToLong(Long::longValue).max().orElse(0);
        if (best > height && (stuckTicks >= timeoutTicks || best > height + 1)) {
            behind(best);
        } else if (outstanding == null && target <= height) {
            syncing = false;
        }
    }

    /**
     * A peer's answer: the blocks to feed to the core, in height order, starting at the height it
     * is deciding. The next request goes out first. An answer nobody asked for, or one that does
     * not decode, is ignored.
     */
    public List<Event.Synced> onBlocks(int peer, Blocks blocks, long deciding) {
        if (outstanding == null || outstanding.peer() != peer) {
            return List.of();
        }
        Outstanding answered = outstanding;
        outstanding = null;
        List<Event.Synced> events = new ArrayList<>(blocks.blocks().size());
        long height = answered.from();
        try {
            for (CertifiedBlock block : blocks.blocks()) {
                CommitCertificate certificate = CommitCertificate.decode(block.certificate());
                if (certificate.height() != height) {
                    break;
                }
                if (height >= deciding) {
                    events.add(new Event.Synced(height, block.block(), Certificates.toConsensus(certificate)));
                }
                height++;
            }
        } catch (DecodeException | IllegalArgumentException e) {
            log.warn("Block sync: validator {} sent a malformed answer: {}", peer, e.getMessage());
        }
        // Every request goes to the next holder in turn (send() advances the rotation), so after an
        // answer of no use the next one goes elsewhere; skipping one more would, with two holders,
        // come back to the same peer for ever.
        long received = height - 1;
        if (received < target) {
            send(Math.max(received + 1, deciding));
        }
        return events;
    }

    private void behind(long targetHeight) {
        long height = committedHeight.getAsLong();
        if (targetHeight <= height) {
            return;
        }
        target = Math.max(target, targetHeight);
        if (outstanding == null) {
            send(height + 1);
        }
    }

    private void send(long from) {
        List<Integer> holders = new ArrayList<>();
        peerHeights.forEach((peer, height) -> {
            if (peer != self && height >= from) {
                holders.add(peer);
            }
        });
        if (holders.isEmpty()) {
            return;
        }
        holders.sort(Integer::compare);
        int peer = holders.get(Math.floorMod(rotation++, holders.size()));
        long to = Math.min(from + blocksPerRequest - 1, Math.max(target, from));
        if (!syncing) {
            log.info("Block sync: behind at height {}, fetching up to {} from validator {}", from - 1, target, peer);
        }
        if (requester.request(peer, new BlocksRequest(from, to))) {
            outstanding = new Outstanding(peer, from, to, timeoutTicks);
            syncing = true;
        }
    }
}
