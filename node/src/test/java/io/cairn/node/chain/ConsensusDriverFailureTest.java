package io.cairn.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.consensus.ConsensusConfig;
import io.cairn.consensus.Event;
import io.cairn.consensus.PbftCore;
import io.cairn.consensus.ValidatorSet;
import io.cairn.consensus.messages.CommitCertificate;
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
import io.cairn.node.mempool.Mempool;
import io.cairn.node.mempool.MempoolLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One driver fed blocks through sync, as if from faulty peers: what it must refuse, and where it must stop. */
class ConsensusDriverFailureTest {
    private static final Genesis GENESIS = TestGenesis.of(4, 2);

    private final LedgerStore store = TestLedger.open(GENESIS);
    private final List<byte[]> sent = new CopyOnWriteArrayList<>();
    private final ConsensusDriver driver = driver();
    private final Block genuine = blockOf(transfer(0, 0));

    private ConsensusDriver driver() {
        Mempool mempool = new Mempool(GENESIS, MempoolLimits.defaults());
        LedgerChain chain = new LedgerChain(store, TestKeys.validator(1).publicKey(), mempool,
                () -> TestGenesis.GENESIS_TIME, false);
        ValidatorSet validators = new ValidatorSet(GENESIS.validators().stream().map(Validator::publicKey).toList());
        PbftCore core = new PbftCore(ConsensusConfig.of(GENESIS.chainId(), validators, 1, 10), TestKeys.validator(1),
                chain, chain, 0, Optional.empty(), Optional.empty());
        ConsensusDriver.Outbox outbox = new ConsensusDriver.Outbox() {
            @Override
            public void send(int validator, byte[] payload) {
                sent.add(payload);
            }

            @Override
            public void broadcast(byte[] payload) {
                sent.add(payload);
            }
        };
        return new ConsensusDriver(core, chain, outbox, Optional.empty(), request -> { }, block -> { }, 100, 1L << 20);
    }

    @Test
    void messagesBeyondTheQueuedByteBudgetAreDroppedAndCountedUntilTheThreadTakesThem() {
        // Not started: nothing leaves the queue, so the byte budget (1 MiB) alone decides.
        Event.Received vote = new Event.Received(new io.cairn.consensus.messages.Commit(
                certified(genuine.hash()).votes().get(0)));
        driver.received(vote, 600 << 10);
        assertThat(driver.droppedEvents()).isZero();
        driver.received(vote, 600 << 10);
        assertThat(driver.droppedEvents()).isEqualTo(1);
        driver.received(vote, 400 << 10);
        assertThat(driver.droppedEvents()).isEqualTo(1);
        driver.start();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            driver.received(vote, 900 << 10); // room again once the thread took the first two
            assertThat(driver.droppedEvents()).isLessThanOrEqualTo(2);
        });
    }

    @AfterEach
    void close() {
        driver.close();
        store.close();
    }

    private static Transaction transfer(int from, long nonce) {
        return Transaction.sign(GENESIS.chainId(), TestKeys.account(from), nonce,
                new Operation.Transfer(TestKeys.account(1 - from).publicKey(), 5));
    }

    /** Validator 0's block 1, built on genesis as an honest primary builds it. */
    private Block blockOf(Transaction... transactions) {
        return new BlockBuilder(GENESIS).build(store.head(), store, TestGenesis.GENESIS_TIME + 1,
                TestKeys.validator(0).publicKey(), 0, List.of(transactions), SignatureVerifier.ALWAYS).block();
    }

    /** A certificate of validators 0, 2 and 3 (a quorum without this node) for {@code digest} at height 1. */
    private static CommitCertificate certified(Hash digest) {
        return TestCertificates.commit(GENESIS.chainId(), 1, 0, digest, 0, 2, 3);
    }

    /** Steps {@code synced} on the consensus thread; returns once it was handled or the driver stopped. */
    private void sync(byte[] block, CommitCertificate certificate) {
        CompletableFuture<Void> handled = new CompletableFuture<>();
        assertThat(driver.execute(() -> {
            driver.step(new Event.Synced(1, block, certificate));
            handled.complete(null);
        })).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.isDone() || driver.failure().isPresent());
    }

    @Test
    void aCertifiedBlockThatDoesNotApplyStopsTheDriverForGood() {
        BlockHeader h = genuine.header();
        Block wrongRoot = new Block(new BlockHeader(1, h.parentHash(), h.timestampMillis(), h.proposer(), 0,
                h.transactionsRoot(), Hash.of("not the state".getBytes(StandardCharsets.UTF_8)), 1),
                genuine.transactions());
        driver.start();

        sync(wrongRoot.encode(), certified(wrongRoot.hash()));

        assertThat(driver.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("block 1 is final (certificate of view 0) but does not apply here")
                .hasMessageContaining("state root"));
        assertThat(store.head().height()).isZero();
        assertThat(store.block(1)).isEmpty();
        assertThat(driver.position().height()).isEqualTo(1);
        // It does not go on: not with the genuine block, not with ticks or messages. (failure() is
        // set just before the driver stops taking work: wait for that.)
        await().atMost(Duration.ofSeconds(5)).until(() -> !driver.execute(() -> { }));
        int sentBefore = sent.size();
        long droppedBefore = driver.droppedEvents();
        assertThat(driver.execute(() -> driver.step(new Event.Synced(1, genuine.encode(),
                certified(genuine.hash()))))).isFalse();
        driver.received(new Event.Received(new io.cairn.consensus.messages.Commit(
                certified(genuine.hash()).votes().get(0))), 100);
        driver.tick();
        assertThat(driver.droppedEvents()).isEqualTo(droppedBefore + 2);
        assertThat(store.head().height()).isZero();
        assertThat(sent).hasSize(sentBefore);
    }

    /**
     * A peer answering a sync request can put other transactions under a genuine header and its
     * genuine certificate. The core checks the certificate against the block's digest; if that
     * digest covered only the header, the block would be decided, fail to apply, and stop this
     * node for good. It must be refused instead, and the genuine block taken afterwards.
     */
    @Test
    void aCertifiedHeaderWithOtherTransactionsIsRefusedAndTheDriverGoesOn() {
        Block swapped = new Block(genuine.header(), List.of(transfer(1, 0)));
        CommitCertificate certificate = certified(genuine.hash());
        driver.start();

        sync(swapped.encode(), certificate);

        assertThat(driver.failure()).isEmpty();
        assertThat(store.head().height()).isZero();

        sync(genuine.encode(), certificate);

        assertThat(driver.failure()).isEmpty();
        assertThat(store.block(1)).contains(genuine);
        assertThat(driver.position().height()).isEqualTo(2);
    }
}
