package io.cairn.node.metrics;

import io.cairn.node.chain.ConsensusDriver.Position;
import io.cairn.node.mempool.MempoolStats;
import io.cairn.node.p2p.PeerNetworkStats;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Node readings that a test sets field by field; each read returns what is set at that moment. */
final class FakeReadings implements NodeReadings {
    volatile long height = 0;
    volatile Position position = new Position(1, 0, 0, false);
    volatile Optional<Throwable> failure = Optional.empty();
    volatile long eventsDropped = 0;
    volatile boolean syncing = false;
    volatile MempoolStats mempool = new MempoolStats(0, 0, 0, new TreeMap<>(), 0, 0);
    volatile int connectedPeers = 0;
    volatile PeerNetworkStats network = new PeerNetworkStats(0, 0, 0, 0, 0, 0, 0, Map.of());
    volatile Map<Integer, Long> peerHeights = Map.of();

    @Override
    public long height() {
        return height;
    }

    @Override
    public Position position() {
        return position;
    }

    @Override
    public Optional<Throwable> consensusFailure() {
        return failure;
    }

    @Override
    public long consensusEventsDropped() {
        return eventsDropped;
    }

    @Override
    public boolean syncing() {
        return syncing;
    }

    @Override
    public MempoolStats mempool() {
        return mempool;
    }

    @Override
    public int connectedPeers() {
        return connectedPeers;
    }

    @Override
    public PeerNetworkStats network() {
        return network;
    }

    @Override
    public Map<Integer, Long> peerHeights() {
        return peerHeights;
    }
}
