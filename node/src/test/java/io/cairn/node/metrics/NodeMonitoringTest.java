package io.cairn.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.consensus.ConsensusConfig;
import io.cairn.consensus.Event;
import io.cairn.consensus.PbftCore;
import io.cairn.consensus.ValidatorSet;
import io.cairn.crypto.Hash;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.Validator;
import io.cairn.ledger.state.BlockBuilder;
import io.cairn.ledger.state.SignatureVerifier;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.node.chain.ConsensusDriver;
import io.cairn.node.chain.LedgerChain;
import io.cairn.node.chain.TestCertificates;
import io.cairn.node.chain.TestLedger;
import io.cairn.node.mempool.Admission;
import io.cairn.node.mempool.Mempool;
import io.cairn.node.mempool.MempoolLimits;
import io.cairn.node.p2p.PeerNetwork;
import io.cairn.node.p2p.PeerNetworkConfig;
import io.cairn.node.sync.BlockSync;
import io.cairn.rpc.api.Health;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Metrics and health over real parts, wired as {@code Node} wires them: validator 1 of four with
 * its store, mempool, core, driver and block sync, and a p2p network that is never started (so
 * every message to a peer is dropped as not connected).
 */
class NodeMonitoringTest {
    private static final Genesis GENESIS = TestGenesis.of(4, 2);
    private static final int SELF = 1;
    private static final int TIMEOUT_TICKS = 2;

    private final AtomicLong clock = new AtomicLong(TestGenesis.GENESIS_TIME + 60_000);
    private final LedgerStore store = TestLedger.open(GENESIS);
    private final Mempool mempool = new Mempool(GENESIS, MempoolLimits.defaults());
    private final PeerNetwork network = new PeerNetwork(new PeerNetworkConfig(GENESIS.chainId(), GENESIS.hash(),
            GENESIS.validators().stream().map(Validator::publicKey).toList(), SELF, TestKeys.validator(SELF),
            new InetSocketAddress("127.0.0.1", 0), Map.of(), 1 << 20, 4 << 20, Duration.ofSeconds(15),
            Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(2)), (validator, payload) -> { });
    private final BlockSync sync = new BlockSync(SELF, () -> store.head().height(), (peer, request) -> false, 16,
            TIMEOUT_TICKS);
    private final Map<Integer, Long> peerHeights = new ConcurrentHashMap<>();
    private final NodeMetrics metrics = new NodeMetrics(clock::get);
    private final ConsensusDriver driver = driver();
    private final NodeHealth health;

    NodeMonitoringTest() {
        NodeReadings readings = NodeReadings.of(store, driver, sync, mempool, network, peerHeights);
        metrics.watch(readings);
        driver.onPositionChange(metrics::positionChanged);
        health = new NodeHealth(readings, metrics::lastCommitMillis, clock::get, 10_000);
    }

    private ConsensusDriver driver() {
        LedgerChain chain = new LedgerChain(store, TestKeys.validator(SELF).publicKey(), mempool,
                () -> TestGenesis.GENESIS_TIME, false);
        ValidatorSet validators = new ValidatorSet(GENESIS.validators().stream().map(Validator::publicKey).toList());
        PbftCore core = new PbftCore(ConsensusConfig.of(GENESIS.chainId(), validators, SELF, TIMEOUT_TICKS),
                TestKeys.validator(SELF), chain, chain, 0, Optional.empty(), Optional.empty());
        ConsensusDriver.Outbox outbox = new ConsensusDriver.Outbox() {
            @Override
            public void send(int validator, byte[] payload) {
                network.send(validator, payload);
            }

            @Override
            public void broadcast(byte[] payload) {
                network.broadcast(payload);
            }
        };
        return new ConsensusDriver(core, chain, outbox, Optional.empty(), sync::onRequest,
                block -> metrics.blockCommitted(block, sync.syncing()), 100, 1L << 20);
    }

    @AfterEach
    void close() {
        driver.close();
        network.close();
        store.close();
    }

    private ScrapeText scrape() {
        return new ScrapeText(metrics.scrape());
    }

    private static Transaction transfer(long nonce) {
        return Transaction.sign(GENESIS.chainId(), TestKeys.account(0), nonce,
                new Operation.Transfer(TestKeys.account(1).publicKey(), 5));
    }

    @Test
    void aBackupWhosePrimaryIsSilentCountsItsViewChangesAndWhatItAdmitted() {
        assertThat(mempool.add(transfer(0), store)).isInstanceOf(Admission.Admitted.class);
        assertThat(mempool.add(transfer(0), store)).isInstanceOf(Admission.Refused.class);
        network.send(2, "hello".getBytes(StandardCharsets.UTF_8));
        List<ConsensusDriver.Position> positions = new CopyOnWriteArrayList<>();
        driver.onPositionChange(positions::add);
        driver.workChanged();
        driver.start();
        // A backup holding a transaction the primary never proposes asks for view 1. Alone, it stays
        // there, resending its VIEW-CHANGE every timeout: resending is no new view change.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            driver.tick();
            return driver.position().view() == 1;
        });
        for (int i = 0; i < 3 * TIMEOUT_TICKS; i++) {
            stepTick();
        }
        ScrapeText scrape = scrape();
        assertThat(scrape.value("cairn_consensus_view")).isEqualTo(1);
        assertThat(scrape.value("cairn_consensus_view_changes_total")).isEqualTo(1);
        // The driver told of one change (it is the primary of view 1, waiting for a quorum), not of every step.
        assertThat(positions).containsExactly(new ConsensusDriver.Position(1, 1, SELF, true));
        assertThat(scrape.value("cairn_height")).isZero();
        assertThat(scrape.value("cairn_transactions_admitted_total")).isEqualTo(1);
        assertThat(scrape.value("cairn_transactions_refused_total{reason=\"duplicate\"}")).isEqualTo(1);
        assertThat(scrape.value("cairn_mempool_transactions")).isEqualTo(1);
        assertThat(scrape.value("cairn_mempool_bytes")).isEqualTo(transfer(0).encodedSize());
        assertThat(scrape.value("cairn_peers_connected")).isZero();
        assertThat(scrape.value("cairn_p2p_messages_dropped_total{reason=\"not_connected\"}")).isEqualTo(1);
        assertThat(health.check().state()).isEqualTo("consensus");
    }

    @Test
    void aCommittedBlockIsCountedAndABlockThatCannotApplyStopsTheNodesHealth() {
        driver.start();
        Block genuine = blockAtop(transfer(0));
        clock.set(genuine.header().timestampMillis() + 300);
        synced(genuine);
        assertThat(store.head().height()).isEqualTo(1);
        ScrapeText scrape = scrape();
        assertThat(scrape.value("cairn_height")).isEqualTo(1);
        assertThat(scrape.value("cairn_blocks_committed_total")).isEqualTo(1);
        assertThat(scrape.value("cairn_transactions_committed_total")).isEqualTo(1);
        assertThat(scrape.value("cairn_block_commit_latency_seconds_sum")).isEqualTo(0.3);
        assertThat(metrics.lastCommitMillis()).isEqualTo(clock.get());
        assertThat(health.check()).isEqualTo(new Health(true, "consensus", "in consensus at height 1, view 0"));

        Block good = blockAtop(transfer(1));
        BlockHeader h = good.header();
        synced(new Block(new BlockHeader(2, h.parentHash(), h.timestampMillis(), h.proposer(), 0,
                h.transactionsRoot(), Hash.of("not the state".getBytes(StandardCharsets.UTF_8)), 1),
                good.transactions()));

        Health stopped = health.check();
        assertThat(stopped.ok()).isFalse();
        assertThat(stopped.state()).isEqualTo("stopped");
        assertThat(stopped.detail()).startsWith("consensus stopped after height 1: block 2 is final");
        assertThat(scrape().value("cairn_blocks_committed_total")).isEqualTo(1);
    }

    /** One tick, stepped on the consensus thread; returns once it was. */
    private void stepTick() {
        CompletableFuture<Void> handled = new CompletableFuture<>();
        driver.execute(() -> {
            driver.step(new Event.Tick());
            handled.complete(null);
        });
        await().atMost(Duration.ofSeconds(5)).until(handled::isDone);
    }

    /** Validator 0's next block on this store, as an honest primary builds it. */
    private Block blockAtop(Transaction transaction) {
        return new BlockBuilder(GENESIS).build(store.head(), store, store.head().timestampMillis() + 1,
                TestKeys.validator(0).publicKey(), 0, List.of(transaction), SignatureVerifier.ALWAYS).block();
    }

    /** Hands {@code block}, certified by validators 0, 2 and 3, to the driver as block sync does. */
    private void synced(Block block) {
        CompletableFuture<Void> handled = new CompletableFuture<>();
        driver.execute(() -> {
            driver.step(new Event.Synced(block.height(), block.encode(),
                    TestCertificates.commit(GENESIS.chainId(), block.height(), 0, block.hash(), 0, 2, 3)));
            handled.complete(null);
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.isDone() || driver.failure().isPresent());
    }
}
