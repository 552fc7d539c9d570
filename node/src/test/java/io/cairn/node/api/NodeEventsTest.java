package io.cairn.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cairn.ledger.Block;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.InMemoryKeyValueStore;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestChain;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.node.chain.ConsensusDriver;
import io.cairn.rpc.api.NodeEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Listeners come and go, a failing one is dropped with one log line, and each event is built right. */
class NodeEventsTest {
    private final Genesis genesis = TestGenesis.of(4, 2);
    private final NodeEvents events = new NodeEvents();
    private final List<NodeEvent> seen = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(NodeEvents.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    NodeEventsTest() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(log);
    }

    private List<String> warnings() {
        synchronized (log) {
            return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    private static NodeEvent.ConsensusChanged moved(long height) {
        return new NodeEvent.ConsensusChanged(height, 0, 1, false);
    }

    @Test
    void aListenerThatThrowsIsDroppedAndLoggedOnceWhileOthersGoOn() {
        events.subscribe(event -> {
            throw new IllegalStateException("listener bug");
        });
        events.subscribe(seen::add);

        events.publish(moved(1));
        events.publish(moved(2));

        assertThat(seen).containsExactly(moved(1), moved(2));
        assertThat(warnings()).containsExactly("Dropped an event listener that failed on ConsensusChanged: "
                + "java.lang.IllegalStateException: listener bug");
        assertThat(events.hasListeners()).isTrue();
    }

    @Test
    void closingASubscriptionStopsItsEvents() throws Exception {
        AutoCloseable subscription = events.subscribe(seen::add);
        events.publish(moved(1));
        subscription.close();
        events.publish(moved(2));

        assertThat(seen).containsExactly(moved(1));
        assertThat(events.hasListeners()).isFalse();
    }

    @Test
    void aCommittedBlockComesWithItsCertificateFromTheStore() throws Exception {
        events.subscribe(seen::add);
        try (LedgerStore store = LedgerStore.open(new InMemoryKeyValueStore(), genesis)) {
            Block block = new TestChain(genesis, 7).commitNext(store, 2).block();

            events.committedBlocks(store).accept(block);

            assertThat(seen).containsExactly(new NodeEvent.BlockCommitted(block, store.certificate(1).orElseThrow()));
        }
    }

    @Test
    void aBlockWithoutACertificateInTheStoreIsReportedNotPublished() throws Exception {
        events.subscribe(seen::add);
        try (LedgerStore store = LedgerStore.open(new InMemoryKeyValueStore(), genesis)) {
            Block uncommitted = new TestChain(genesis, 7).nextBlock(store.head(), store, 1).block();

            events.committedBlocks(store).accept(uncommitted);

            assertThat(seen).isEmpty();
            assertThat(warnings()).containsExactly("Block 1 was committed without a certificate in the store; "
                    + "no event for it");
        }
    }

    @Test
    void anAdmittedTransactionIsPublishedDecoded() {
        events.subscribe(seen::add);
        Transaction tx = Transaction.sign(genesis.chainId(), TestKeys.account(0), 0,
                new Operation.Transfer(TestKeys.account(1).publicKey(), 3));

        events.transactionAdmitted(tx.hash(), tx.encode());

        assertThat(seen).hasSize(1);
        NodeEvent.TransactionAdmitted admitted = (NodeEvent.TransactionAdmitted) seen.get(0);
        assertThat(admitted.hash()).isEqualTo(tx.hash());
        assertThat(admitted.transaction().encode()).isEqualTo(tx.encode());
    }

    @Test
    void bytesThatDoNotDecodeAreReportedNotPublished() {
        events.subscribe(seen::add);
        Transaction tx = Transaction.sign(genesis.chainId(), TestKeys.account(0), 0,
                new Operation.Transfer(TestKeys.account(1).publicKey(), 3));

        events.transactionAdmitted(tx.hash(), new byte[] {1, 2, 3});

        assertThat(seen).isEmpty();
        assertThat(warnings()).singleElement().asString().startsWith("Admitted transaction " + tx.hash()
                + " no longer decodes");
    }

    @Test
    void aConsensusPositionBecomesAnEvent() {
        events.subscribe(seen::add);
        events.consensusChanged(new ConsensusDriver.Position(12, 3, 2, true));
        assertThat(seen).containsExactly(new NodeEvent.ConsensusChanged(12, 3, 2, true));
    }
}
