package io.cairn.node.metrics;

import io.cairn.ledger.store.LedgerStore;
import io.cairn.node.chain.ConsensusDriver;
import io.cairn.node.mempool.Mempool;
import io.cairn.node.mempool.MempoolStats;
import io.cairn.node.p2p.PeerNetwork;
import io.cairn.node.p2p.PeerNetworkStats;
import io.cairn.node.sync.BlockSync;
import java.util.Map;
import java.util.Optional;

/**
 * What the metrics and the health check read from the running node, each a live value at the
 * moment it is asked for. Any thread may ask.
 */
public interface NodeReadings {

    /** The height of the last committed block. */
    long height();

    ConsensusDriver.Position position();

    /** Why consensus stopped, when it did. */
    Optional<Throwable> consensusFailure();

    /** Consensus events dropped because the driver's queue was full (or it had stopped). */
    long consensusEventsDropped();

    boolean syncing();

    MempoolStats mempool();

    int connectedPeers();

    PeerNetworkStats network();

    /** Each peer's committed height, as it last reported it. */
    Map<Integer, Long> peerHeights();

    /** The readings of the node made of these parts. */
    static NodeReadings of(LedgerStore store, ConsensusDriver driver, BlockSync sync, Mempool mempool,
            PeerNetwork network, Map<Integer, Long> peerHeights) {
        return new NodeReadings() {
            @Override
            public long height() {
                return store.head().height();
            }

            @Override
            public ConsensusDriver.Position position() {
                return driver.position();
            }

            @Override
            public Optional<Throwable> consensusFailure() {
                return driver.failure();
            }

            @Override
            public long consensusEventsDropped() {
                return driver.droppedEvents();
            }

            @Override
            public boolean syncing() {
                return sync.syncing();
            }

            @Override
            public MempoolStats mempool() {
                return mempool.stats();
            }

            @Override
            public int connectedPeers() {
                return network.connected().size();
            }

            @Override
            public PeerNetworkStats network() {
                return network.stats();
            }

            @Override
            public Map<Integer, Long> peerHeights() {
                return Map.copyOf(peerHeights);
            }
        };
    }
}
