package io.cairn.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.consensus.ConsensusConfig;
import io.cairn.consensus.PbftCore;
import io.cairn.consensus.ValidatorSet;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.Validator;
import io.cairn.ledger.store.InMemoryKeyValueStore;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.node.api.NodeEvents;
import io.cairn.node.chain.ConsensusDriver;
import io.cairn.node.chain.LedgerChain;
import io.cairn.node.mempool.Mempool;
import io.cairn.node.mempool.MempoolLimits;
import io.cairn.node.p2p.PeerNetwork;
import io.cairn.node.sync.BlockServer;
import io.cairn.node.sync.BlockSync;
import io.cairn.node.wire.NodeMessage;
import io.cairn.node.wire.NodeMessageCodec;
import io.cairn.rpc.api.NodeEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transactions gossiped by a peer and admitted here are published like the ones clients submit. */
class InboundEventsTest {
    private static final Genesis GENESIS = TestGenesis.of(4, 2);

    private final LedgerStore store = LedgerStore.open(new InMemoryKeyValueStore(), GENESIS);
    private final Mempool mempool = new Mempool(GENESIS, MempoolLimits.defaults());
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final NodeEvents events = new NodeEvents();
    private final List<NodeEvent> seen = new CopyOnWriteArrayList<>();
    private final ConsensusDriver driver = driver(); // never started: admission only wakes it

    InboundEventsTest() throws Exception {
        events.subscribe(seen::add);
    }

    private ConsensusDriver driver() {
        LedgerChain chain = new LedgerChain(store, TestKeys.validator(0).publicKey(), mempool,
                () -> TestGenesis.GENESIS_TIME, false);
        ValidatorSet validators = new ValidatorSet(GENESIS.validators().stream().map(Validator::publicKey).toList());
        PbftCore core = new PbftCore(ConsensusConfig.of(GENESIS.chainId(), validators, 0, 10), TestKeys.validator(0),
                chain, chain, 0, Optional.empty(), Optional.empty());
        ConsensusDriver.Outbox nowhere = new ConsensusDriver.Outbox() {
            @Override
            public void send(int validator, byte[] payload) {}

            @Override
            public void broadcast(byte[] payload) {}
        };
        return new ConsensusDriver(core, chain, nowhere, Optional.empty(), request -> { }, block -> { }, 100, 1L << 20);
    }

    @AfterEach
    void close() throws Exception {
        workers.shutdownNow();
        driver.close();
        store.close();
    }

    private static Transaction transfer(int account, long nonce) {
        return Transaction.sign(GENESIS.chainId(), TestKeys.account(account), nonce,
                new Operation.Transfer(TestKeys.account(1 - account).publicKey(), 5));
    }

    @Test
    void gossipedTransactionsAdmittedHereArePublishedAndRefusedOnesAreNot() {
        Inbound inbound = new Inbound(driver, new BlockSync(0, () -> 0, (peer, request) -> false, 2, 10),
                new BlockServer(store, 1 << 20), mempool, store, workers, new ConcurrentHashMap<>(), events);
        Transaction first = transfer(0, 0);
        Transaction second = transfer(1, 0);
        Transaction tooFarAhead = transfer(0, 1_000);
        byte[] gossip = NodeMessageCodec.encode(new NodeMessage.Transactions(List.of(first.encode(), second.encode(),
                first.encode(), tooFarAhead.encode())));

        inbound.listener(new PeerNetwork[1]).onMessage(2, gossip);

        // The batch is admitted in order on a worker: once the last two are refused, it is all done.
        await().atMost(Duration.ofSeconds(10)).until(() -> mempool.stats().refusedTotal() == 2);
        assertThat(mempool.stats().refused()).containsOnlyKeys("duplicate", "nonce_too_high");
        assertThat(mempool.size()).isEqualTo(2);
        assertThat(seen).extracting(event -> ((NodeEvent.TransactionAdmitted) event).hash())
                .containsExactly(first.hash(), second.hash());
        assertThat(((NodeEvent.TransactionAdmitted) seen.get(1)).transaction().encode()).isEqualTo(second.encode());
    }
}
