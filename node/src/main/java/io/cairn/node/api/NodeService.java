package io.cairn.node.api;

import io.cairn.crypto.Hash;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.Validator;
import io.cairn.ledger.store.BlockStore;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.store.StateStore;
import io.cairn.node.chain.ConsensusDriver;
import io.cairn.node.gossip.TransactionGossip;
import io.cairn.node.mempool.Admission;
import io.cairn.node.mempool.Mempool;
import io.cairn.node.metrics.NodeHealth;
import io.cairn.node.metrics.NodeMetrics;
import io.cairn.node.p2p.PeerNetwork;
import io.cairn.node.sync.BlockSync;
import io.cairn.rpc.api.Health;
import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.api.NodeEvent;
import io.cairn.rpc.api.NodeStatus;
import io.cairn.rpc.api.PeerInfo;
import io.cairn.rpc.api.SubmitResult;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The node as the RPC sees it: reads go to the store, submissions to the mempool and gossip. */
public final class NodeService implements NodeApi {
    private final LedgerStore store;
    private final int self;
    private final Mempool mempool;
    private final TransactionGossip gossip;
    private final ConsensusDriver driver;
    private final BlockSync sync;
    private final PeerNetwork network;
    private final Map<Integer, InetSocketAddress> peerAddresses;
    private final Map<Integer, Long> peerHeights;
    private final NodeMetrics metrics;
    private final NodeHealth health;
    private final NodeEvents events;

    public NodeService(LedgerStore store, int self, Mempool mempool, TransactionGossip gossip, ConsensusDriver driver,
            BlockSync sync, PeerNetwork network, Map<Integer, InetSocketAddress> peerAddresses,
            Map<Integer, Long> peerHeights, NodeMetrics metrics, NodeHealth health, NodeEvents events) {
        this.store = store;
        this.self = self;
        this.mempool = mempool;
        this.gossip = gossip;
        this.driver = driver;
        this.sync = sync;
        this.network = network;
        this.peerAddresses = peerAddresses;
        this.peerHeights = peerHeights;
        this.metrics = metrics;
        this.health = health;
        this.events = events;
    }

    @Override
    public Genesis genesis() {
        return store.genesis();
    }

    @Override
    public BlockStore blocks() {
        return store;
    }

    @Override
    public StateStore state() {
        return store;
    }

    @Override
    public SubmitResult submit(byte[] encodedTransaction) {
        return submitAll(List.of(encodedTransaction)).get(0);
    }

    @Override
    public List<SubmitResult> submitAll(List<byte[]> encodedTransactions) {
        List<Admission> admissions = mempool.addAll(encodedTransactions, store);
        List<SubmitResult> results = new ArrayList<>(admissions.size());
        boolean admittedAny = false;
        for (int i = 0; i < admissions.size(); i++) {
            if (admissions.get(i) instanceof Admission.Admitted admitted) {
                events.transactionAdmitted(admitted.hash(), encodedTransactions.get(i)); // before the block that may commit it
                gossip.offer(encodedTransactions.get(i));
                results.add(new SubmitResult.Admitted(admitted.hash()));
                admittedAny = true;
            } else {
                Admission.Refused refused = (Admission.Refused) admissions.get(i);
                results.add(new SubmitResult.Refused(refused.reason(), refused.message()));
            }
        }
        if (admittedAny) {
            driver.workChanged();
        }
        return results;
    }

    @Override
    public Optional<Transaction> pending(Hash transactionHash) {
        return mempool.get(transactionHash);
    }

    @Override
    public NodeStatus status() {
        ChainHead head = store.head();
        ConsensusDriver.Position position = driver.position();
        return new NodeStatus(store.genesis().chainId(), store.genesis().validators().get(self).publicKey(), self,
                head.height(), head.blockHash(), head.stateRoot(), position.view(), position.primary(),
                network.connected().size(), sync.syncing(), mempool.size(), mempool.bytes());
    }

    @Override
    public AutoCloseable subscribe(Consumer<NodeEvent> listener) {
        return events.subscribe(listener);
    }

    @Override
    public Health health() {
        return health.check();
    }

    @Override
    public String metrics() {
        return metrics.scrape();
    }

    @Override
    public List<PeerInfo> peers() {
        List<Validator> validators = store.genesis().validators();
        List<PeerInfo> peers = new ArrayList<>();
        for (int i = 0; i < validators.size(); i++) {
            if (i == self) {
                continue;
            }
            InetSocketAddress address = peerAddresses.get(i);
            peers.add(new PeerInfo(i, validators.get(i).name(), validators.get(i).publicKey(),
                    address == null ? "" : address.getHostString() + ":" + address.getPort(),
                    network.connected().contains(i), peerHeights.getOrDefault(i, 0L)));
        }
        return peers;
    }
}
