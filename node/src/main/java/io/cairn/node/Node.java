package io.cairn.node;

import io.cairn.consensus.ConsensusConfig;
import io.cairn.consensus.DurableState;
import io.cairn.consensus.PbftCore;
import io.cairn.consensus.ValidatorSet;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.Block;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Validator;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.store.LevelDbKeyValueStore;
import io.cairn.ledger.store.StoreCorruptedException;
import io.cairn.node.api.NodeEvents;
import io.cairn.node.api.NodeService;
import io.cairn.node.chain.Certificates;
import io.cairn.node.chain.ConsensusDriver;
import io.cairn.node.chain.LedgerChain;
import io.cairn.node.chain.VoteLog;
import io.cairn.node.config.NodeSettings;
import io.cairn.node.gossip.TransactionGossip;
import io.cairn.node.mempool.Mempool;
import io.cairn.node.mempool.MempoolLimits;
import io.cairn.node.metrics.NodeHealth;
import io.cairn.node.metrics.NodeMetrics;
import io.cairn.node.metrics.NodeReadings;
import io.cairn.node.p2p.PeerNetwork;
import io.cairn.node.p2p.PeerNetworkConfig;
import io.cairn.node.sync.BlockServer;
import io.cairn.node.sync.BlockSync;
import io.cairn.node.testnet.FaultAdmin;
import io.cairn.node.wire.NodeMessage;
import io.cairn.node.wire.NodeMessageCodec;
import io.cairn.rpc.RpcServer;
import io.cairn.rpc.RpcSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running validator: the store, mempool, p2p network, consensus driver, block sync and RPC,
 * wired together. {@link #start} brings them up in dependency order; {@link #close} takes them
 * down in reverse, leaving the store consistent.
 */
public final class Node implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Node.class);
    private static final int STATUS_EVERY_TICKS = 10;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private RpcServer rpc;

    private Node() {}

    public static Node start(NodeSettings settings) throws Exception {
        Node node = new Node();
        try {
            node.startUp(settings);
            return node;
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
    }

    private void startUp(NodeSettings settings) throws Exception {
        Genesis genesis = settings.genesis();
        int self = settings.self();
        LedgerStore store = LedgerStore.open(LevelDbKeyValueStore.open(settings.dataDir().resolve("ledger")),
                genesis);
        resources.add(store);
        Mempool mempool = new Mempool(genesis, new MempoolLimits(settings.limits().mempoolTransactions(),
                settings.limits().mempoolBytes(), settings.limits().nonceWindow(), MempoolLimits.DEFAULT_SEEN_CAPACITY));
        LedgerChain chain = new LedgerChain(store, settings.key().publicKey(), mempool, System::currentTimeMillis,
                settings.consensus().emptyBlocks());

        ValidatorSet validators = new ValidatorSet(genesis.validators().stream().map(Validator::publicKey).toList());
        long tickMillis = settings.consensus().tickMillis();
        int timeoutTicks = settings.timeoutTicks();
        long inboxBytes = Math.max(32L << 20, 3L * genesis.consensus().maxBlockBytes());
        ConsensusConfig config = new ConsensusConfig(genesis.chainId(), validators, self, timeoutTicks, 6, 4, 16, 64,
                inboxBytes, ConsensusConfig.PlantedBug.NONE);
        long height = store.head().height();
        PbftCore core = new PbftCore(config, settings.key(), chain, chain, height,
                store.certificate(height).map(Certificates::toConsensus), durableState(store));

        Map<Integer, Long> peerHeights = new ConcurrentHashMap<>();
        // Bounded: a flood of gossip or sync requests is shed (and recovered by retries), never queued without end.
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(10_000), daemon("admission"), new ThreadPoolExecutor.DiscardPolicy());
        resources.add(workers::shutdownNow);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("scheduler"));
        resources.add(scheduler::shutdownNow);

        NodeEvents events = new NodeEvents();
        PeerNetwork[] network = new PeerNetwork[1];
        BlockSync sync = new BlockSync(self, () -> store.head().height(), (peer, request) ->
                network[0].send(peer, NodeMessageCodec.encode(request)), 256, timeoutTicks);
        Optional<VoteLog> voteLog = settings.consensus().voteLog().isPresent()
                ? Optional.of(VoteLog.append(settings.consensus().voteLog().get(), self)) : Optional.empty();
        NodeMetrics metrics = new NodeMetrics(System::currentTimeMillis);
        Consumer<Block> onCommit = events.committedBlocks(store)
                .andThen(block -> metrics.blockCommitted(block, sync.syncing()));
        ConsensusDriver driver = new ConsensusDriver(core, chain, new ConsensusDriver.Outbox() {
            @Override
            public void send(int validator, byte[] payload) {
                network[0].send(validator, payload);
            }

            @Override
            public void broadcast(byte[] payload) {
                network[0].broadcast(payload);
            }
        }, voteLog, sync::onRequest, onCommit, 20_000, 4L * settings.maxFrameBytes());
        driver.onPositionChange(events::consensusChanged);
        driver.onPositionChange(Node::logViewChange);
        BlockServer server = new BlockServer(store, settings.maxFrameBytes() / 2);
        TransactionGossip gossip = new TransactionGossip(payload -> network[0].broadcast(payload),
                settings.maxFrameBytes() / 4);
        Inbound inbound = new Inbound(driver, sync, server, mempool, store, workers, peerHeights, events);

        network[0] = new PeerNetwork(new PeerNetworkConfig(genesis.chainId(), genesis.hash(), validators.keys(), self,
                settings.key(), settings.p2pListen(), settings.peers(), settings.maxFrameBytes(),
                settings.limits().peerQueueBytes(), Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ofMillis(100), Duration.ofSeconds(2)), inbound.listener(network));
        resources.add(network[0]);
        resources.add(driver);
        network[0].start();
        if (settings.config().testnetAdminListen().isPresent()) {
            resources.add(FaultAdmin.start(settings.config().testnetAdminListen().get().resolveForListening(),
                    network[0], self, genesis.validators().size()));
        }

        NodeReadings readings = NodeReadings.of(store, driver, sync, mempool, network[0], peerHeights);
        metrics.watch(readings);
        driver.onPositionChange(metrics::positionChanged);
        NodeHealth health = new NodeHealth(readings, metrics::lastCommitMillis, System::currentTimeMillis,
                10 * genesis.consensus().viewChangeTimeoutMillis());
        NodeService service = new NodeService(store, self, mempool, gossip, driver, sync, network[0], settings.peers(), peerHeights,
                metrics, health, events);
        rpc = RpcServer.start(service, new RpcSettings(settings.rpcListen().getHostString(),
                settings.rpcListen().getPort(), settings.limits().rpcMaxBodyBytes(), 1_000));
        resources.add(rpc);

        driver.start();
        long[] ticks = {0};
        scheduler.scheduleAtFixedRate(guarded("tick", () -> {
            driver.tick();
            driver.execute(sync::onTick);
            if (++ticks[0] % STATUS_EVERY_TICKS == 0) {
                network[0].broadcast(NodeMessageCodec.encode(new NodeMessage.Status(store.head().height())));
            }
        }), tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded("gossip", gossip::flush), 10, 10, TimeUnit.MILLISECONDS);
        InetSocketAddress p2p = network[0].boundAddress();
        log.info("Validator {} ('{}') of chain '{}' is up at height {}: p2p {}:{}, rpc {}:{}", self,
                genesis.validators().get(self).name(), genesis.chainId(), height, p2p.getHostString(), p2p.getPort(),
                settings.rpcListen().getHostString(), rpc.port());
    }

    private static Optional<DurableState> durableState(LedgerStore store) throws StoreCorruptedException {
        Optional<byte[]> bytes = store.consensusState();
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DurableState.decode(bytes.get()));
        } catch (DecodeException e) {
            throw new StoreCorruptedException("Refusing to run: the stored consensus state is damaged ("
                    + e.getMessage() + "); without it this validator could sign a vote that contradicts one it sent");
        }
    }

    /** One line per view change, for operators; a new height at view 0 is the normal case and is not logged. */
    private static void logViewChange(ConsensusDriver.Position position) {
        if (position.changingView()) {
            log.info("View change at height {}: asking for view {} (primary {})", position.height(), position.view(),
                    position.primary());
        } else if (position.view() > 0) {
            log.info("Entered view {} at height {}: primary {}", position.view(), position.height(), position.primary());
        }
    }

    /** A periodic task that survives its own failure: a scheduler silently stops a task that throws. */
    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("The periodic {} task failed; it runs again at its next period", what, e);
            }
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public int rpcPort() {
        return rpc.port();
    }

    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("Error while stopping: {}", e.toString());
            }
        }
        resources.clear();
        stopped.countDown();
    }
}
