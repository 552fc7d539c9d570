package io.cairn.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.Hash;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.node.chain.ConsensusDriver.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metrics fed by the consensus driver's callbacks: commits, their latency, view changes. */
class NodeMetricsEventsTest {
    private static final long START = 1_700_000_000_000L;
    private static final String LATENCY = "cairn_block_commit_latency_seconds";

    private final AtomicLong clock = new AtomicLong(START);
    private final FakeReadings node = new FakeReadings();
    private final NodeMetrics metrics = new NodeMetrics(clock::get);

    @BeforeEach
    void watch() {
        node.position = new Position(5, 0, 0, false);
        metrics.watch(node);
    }

    private ScrapeText scrape() {
        return new ScrapeText(metrics.scrape());
    }

    /** A block of {@code transactions} transfers, proposed at {@code timestampMillis}. */
    private static Block block(long height, long timestampMillis, int transactions) {
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < transactions; i++) {
            txs.add(Transaction.sign("test", TestKeys.account(0), i,
                    new Operation.Transfer(TestKeys.account(1).publicKey(), 1)));
        }
        return new Block(new BlockHeader(height, Hash.ZERO, timestampMillis, TestKeys.validator(0).publicKey(), 0,
                Hash.ZERO, Hash.ZERO, transactions), txs);
    }

    @Test
    void committedBlocksCountBlocksAndTheirTransactions() {
        metrics.blockCommitted(block(1, START, 3), false);
        metrics.blockCommitted(block(2, START, 0), false);
        metrics.blockCommitted(block(3, START, 5), true);
        ScrapeText scrape = scrape();
        assertThat(scrape.value("cairn_blocks_committed_total")).isEqualTo(3);
        assertThat(scrape.value("cairn_transactions_committed_total")).isEqualTo(8);
    }

    @Test
    void commitLatencyIsTheTimeFromTheBlockTimestampToItsCommitHere() {
        clock.set(START + 10_000);
        metrics.blockCommitted(block(1, START + 10_000 - 1_500, 1), false);
        metrics.blockCommitted(block(2, START + 10_000 - 200, 1), false);
        ScrapeText scrape = scrape();
        assertThat(scrape.value(LATENCY + "_count")).isEqualTo(2);
        assertThat(scrape.value(LATENCY + "_sum")).isCloseTo(1.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(scrape.value(LATENCY + "_max")).isEqualTo(1.5);
        assertThat(scrape.value(LATENCY + "_bucket{le=\"0.1\"}")).isZero();
        assertThat(scrape.value(LATENCY + "_bucket{le=\"0.25\"}")).isEqualTo(1);
        assertThat(scrape.value(LATENCY + "_bucket{le=\"1.0\"}")).isEqualTo(1);
        assertThat(scrape.value(LATENCY + "_bucket{le=\"2.5\"}")).isEqualTo(2);
        assertThat(scrape.value(LATENCY + "_bucket{le=\"+Inf\"}")).isEqualTo(2);
    }

    @Test
    void aBlockBroughtByBlockSyncIsNotACommitLatency() {
        clock.set(START + 3_600_000);
        metrics.blockCommitted(block(1, START, 0), true);
        assertThat(scrape().value(LATENCY + "_count")).isZero();
        assertThat(scrape().value("cairn_blocks_committed_total")).isEqualTo(1);
    }

    @Test
    void aTimestampAheadOfThisNodesClockCountsAsNoLatencyRatherThanNegative() {
        metrics.blockCommitted(block(1, START + 400, 0), false);
        ScrapeText scrape = scrape();
        assertThat(scrape.value(LATENCY + "_bucket{le=\"0.01\"}")).isEqualTo(1);
        assertThat(scrape.value(LATENCY + "_sum")).isZero();
    }

    @Test
    void aHigherViewAtTheSameHeightIsAViewChangeAndANewHeightIsNot() {
        metrics.positionChanged(new Position(5, 1, 1, true)); // started a view change
        metrics.positionChanged(new Position(5, 1, 1, false)); // entered the view: the same change
        metrics.positionChanged(new Position(5, 3, 3, true)); // joined validators two views ahead
        metrics.positionChanged(new Position(6, 0, 0, false)); // committed: views start again at 0
        assertThat(scrape().value("cairn_consensus_view_changes_total")).isEqualTo(3);

        metrics.positionChanged(new Position(8, 1, 0, false)); // synced past 6 and 7 into view 1 of 8
        assertThat(scrape().value("cairn_consensus_view_changes_total")).isEqualTo(4);
    }

    @Test
    void theViewRestoredAtStartIsNotAViewChange() {
        NodeMetrics restarted = new NodeMetrics(clock::get);
        FakeReadings resumed = new FakeReadings();
        resumed.position = new Position(9, 4, 0, true); // the view change this validator was in when it stopped
        restarted.watch(resumed);
        restarted.positionChanged(new Position(9, 4, 0, false));
        assertThat(new ScrapeText(restarted.scrape()).value("cairn_consensus_view_changes_total")).isZero();
    }

    @Test
    void theLastCommitTimeStartsAtCreationAndMovesWithEachCommit() {
        assertThat(metrics.lastCommitMillis()).isEqualTo(START);
        clock.set(START + 5_000);
        metrics.blockCommitted(block(1, START + 4_900, 0), false);
        assertThat(metrics.lastCommitMillis()).isEqualTo(START + 5_000);
    }
}
