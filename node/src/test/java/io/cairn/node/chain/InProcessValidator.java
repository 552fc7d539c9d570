package io.cairn.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.ConsensusConfig;
import io.cairn.consensus.Event;
import io.cairn.consensus.PbftCore;
import io.cairn.consensus.ValidatorSet;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.Block;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.Validator;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.node.api.NodeEvents;
import io.cairn.node.mempool.Admission;
import io.cairn.node.mempool.Mempool;
import io.cairn.node.mempool.MempoolLimits;
import io.cairn.node.sync.BlockServer;
import io.cairn.node.sync.BlockSync;
import io.cairn.node.wire.NodeMessage;
import io.cairn.node.wire.NodeMessageCodec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One validator in process, wired as {@code Node} wires it but with an in-memory store and the
 * network of the test: mempool, chain, core, driver, block sync and block server. {@link #receive}
 * routes a payload as {@code Inbound} does.
 */
final class InProcessValidator implements AutoCloseable {
    static final int BLOCKS_PER_REQUEST = 2;

    final int index;
    final LedgerStore store;
    final Mempool mempool;
    final LedgerChain chain;
    final BlockSync sync;
    final ConsensusDriver driver;
    final List<Block> committed = new CopyOnWriteArrayList<>();
    /** The events this validator publishes, wired as {@code Node} wires them. */
    final NodeEvents events = new NodeEvents();
    private final BlockServer server;
    private final InProcessNetwork network;

    InProcessValidator(Genesis genesis, int index, int timeoutTicks, InProcessNetwork network,
            Optional<VoteLog> voteLog) {
        this.index = index;
        this.network = network;
        this.store = TestLedger.open(genesis);
        this.mempool = new Mempool(genesis, MempoolLimits.defaults());
        // A clock stuck at genesis: every block takes its parent's time + 1, the same on every node.
        this.chain = new LedgerChain(store, TestKeys.validator(index).publicKey(), mempool,
                () -> TestGenesis.GENESIS_TIME, false);
        ValidatorSet validators = new ValidatorSet(genesis.validators().stream().map(Validator::publicKey).toList());
        PbftCore core = new PbftCore(ConsensusConfig.of(genesis.chainId(), validators, index, timeoutTicks),
                TestKeys.validator(index), chain, chain, 0, Optional.empty(), Optional.empty());
        this.sync = new BlockSync(index, () -> store.head().height(),
                (peer, request) -> network.send(index, peer, NodeMessageCodec.encode(request)), BLOCKS_PER_REQUEST,
                timeoutTicks);
        this.server = new BlockServer(store, 1 << 20);
        Consumer<Block> reported = committed::add;
        this.driver = new ConsensusDriver(core, chain, network.outbox(index), voteLog, sync::onRequest,
                reported.andThen(events.committedBlocks(store)), 10_000, 64L << 20);
        driver.onPositionChange(events::consensusChanged);
    }

    /** Admits {@code transactions} here, as a client submission or gossip does, and wakes the driver. */
    void submit(List<Transaction> transactions) {
        admit(transactions);
        driver.workChanged();
    }

    /** Admits {@code transactions} without waking the driver: it does not notice them yet. */
    void admit(List<Transaction> transactions) {
        for (Transaction tx : transactions) {
            assertThat(mempool.add(tx, store)).as("admission at validator %d", index).isInstanceOf(Admission.Admitted.class);
        }
    }

    void tick() {
        driver.tick();
        driver.execute(sync::onTick);
    }

    /** A payload from {@code peer}, routed as {@code Inbound} routes it (store reads on the caller's thread). */
    void receive(int peer, byte[] payload) throws DecodeException {
        NodeMessage message = NodeMessageCodec.decode(payload);
        if (message instanceof NodeMessage.Consensus consensus) {
            driver.received(new Event.Received(consensus.message()), payload.length);
        } else if (message instanceof NodeMessage.BlocksRequest request) {
            network.send(index, peer, NodeMessageCodec.encode(server.answer(request)));
        } else if (message instanceof NodeMessage.Blocks blocks) {
            driver.execute(() -> sync.onBlocks(peer, blocks, driver.core().height()).forEach(driver::step));
        } else if (message instanceof NodeMessage.Status status) {
            driver.execute(() -> sync.onStatus(peer, status.height()));
        } else {
            throw new AssertionError("validators of this test do not gossip: " + message);
        }
    }

    @Override
    public void close() {
        driver.close();
        store.close();
    }
}
