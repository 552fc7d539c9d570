package io.cairn.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ledger.state.Rejection;
import io.cairn.node.chain.ConsensusDriver.Position;
import io.cairn.node.mempool.MempoolStats;
import io.cairn.node.p2p.DisconnectReason;
import io.cairn.node.p2p.PeerNetworkStats;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metrics read from the node's own state: each is in the scrape with the value of that moment. */
class NodeMetricsTest {
    private final FakeReadings node = new FakeReadings();
    private final NodeMetrics metrics = new NodeMetrics(() -> 1_000_000L);

    @BeforeEach
    void watch() {
        metrics.watch(node);
    }

    private ScrapeText scrape() {
        return new ScrapeText(metrics.scrape());
    }

    @Test
    void gaugesShowTheNodeAsItIsAtEachScrape() {
        node.height = 41;
        node.position = new Position(42, 3, 1, false);
        node.syncing = true;
        node.connectedPeers = 2;
        node.mempool = new MempoolStats(17, 2_345, 0, new TreeMap<>(), 0, 0);
        ScrapeText first = scrape();
        assertThat(first.value("cairn_height")).isEqualTo(41);
        assertThat(first.value("cairn_consensus_view")).isEqualTo(3);
        assertThat(first.value("cairn_sync_in_progress")).isEqualTo(1);
        assertThat(first.value("cairn_peers_connected")).isEqualTo(2);
        assertThat(first.value("cairn_mempool_transactions")).isEqualTo(17);
        assertThat(first.value("cairn_mempool_bytes")).isEqualTo(2_345);

        // Nothing polls: the next scrape reads the node again.
        node.height = 42;
        node.syncing = false;
        node.mempool = new MempoolStats(0, 0, 0, new TreeMap<>(), 0, 0);
        ScrapeText second = scrape();
        assertThat(second.value("cairn_height")).isEqualTo(42);
        assertThat(second.value("cairn_sync_in_progress")).isZero();
        assertThat(second.value("cairn_mempool_transactions")).isZero();
        assertThat(second.value("cairn_mempool_bytes")).isZero();
    }

    @Test
    void familiesHaveThePrometheusTypesTheDocumentGives() {
        ScrapeText scrape = scrape();
        assertThat(scrape.type("cairn_height")).isEqualTo("gauge");
        assertThat(scrape.type("cairn_mempool_bytes")).isEqualTo("gauge");
        assertThat(scrape.type("cairn_transactions_admitted_total")).isEqualTo("counter");
        assertThat(scrape.type("cairn_p2p_received_bytes_total")).isEqualTo("counter");
        assertThat(scrape.type("cairn_consensus_view_changes_total")).isEqualTo("counter");
        assertThat(scrape.type("cairn_block_commit_latency_seconds")).isEqualTo("histogram");
    }

    @Test
    void admissionsAndRefusalsByReasonComeFromTheMempool() {
        node.mempool = new MempoolStats(0, 0, 12, new TreeMap<>(Map.of("bad_signature", 2L, "duplicate", 30L)), 0, 0);
        ScrapeText scrape = scrape();
        assertThat(scrape.value("cairn_transactions_admitted_total")).isEqualTo(12);
        assertThat(scrape.value("cairn_transactions_refused_total{reason=\"bad_signature\"}")).isEqualTo(2);
        assertThat(scrape.value("cairn_transactions_refused_total{reason=\"duplicate\"}")).isEqualTo(30);
        // Reasons that have not happened are there at zero, so that rate() sees their first refusal.
        assertThat(scrape.value("cairn_transactions_refused_total{reason=\"nonce_too_low\"}")).isZero();
        assertThat(scrape.value("cairn_transactions_refused_total{reason=\"mempool_full\"}")).isZero();
        assertThat(scrape.series("cairn_transactions_refused_total")).hasSize(Rejection.Reason.values().length + 4);
    }

    @Test
    void aRefusalReasonTheMetricsDoNotKnowGetsItsOwnSeries() {
        node.mempool = new MempoolStats(0, 0, 0, new TreeMap<>(Map.of("gas_too_high", 5L)), 0, 0);
        assertThat(scrape().value("cairn_transactions_refused_total{reason=\"gas_too_high\"}")).isEqualTo(5);

        node.mempool = new MempoolStats(0, 0, 0, new TreeMap<>(Map.of("gas_too_high", 6L)), 0, 0);
        assertThat(scrape().value("cairn_transactions_refused_total{reason=\"gas_too_high\"}")).isEqualTo(6);
    }

    @Test
    void networkTrafficDropsAndClosedConnectionsComeFromThePeerNetwork() {
        node.network = new PeerNetworkStats(10, 1_000, 20, 2_000, 3, 4, 5,
                Map.of(DisconnectReason.IDLE_TIMEOUT, 2L, DisconnectReason.WRONG_CHAIN, 7L));
        ScrapeText scrape = scrape();
        assertThat(scrape.value("cairn_p2p_messages_received_total")).isEqualTo(10);
        assertThat(scrape.value("cairn_p2p_received_bytes_total")).isEqualTo(1_000);
        assertThat(scrape.value("cairn_p2p_messages_sent_total")).isEqualTo(20);
        assertThat(scrape.value("cairn_p2p_sent_bytes_total")).isEqualTo(2_000);
        assertThat(scrape.value("cairn_p2p_messages_dropped_total{reason=\"queue_full\"}")).isEqualTo(3);
        assertThat(scrape.value("cairn_p2p_messages_dropped_total{reason=\"not_connected\"}")).isEqualTo(4);
        assertThat(scrape.value("cairn_p2p_dial_failures_total")).isEqualTo(5);
        assertThat(scrape.value("cairn_p2p_connections_closed_total{reason=\"idle_timeout\"}")).isEqualTo(2);
        assertThat(scrape.value("cairn_p2p_connections_closed_total{reason=\"wrong_chain\"}")).isEqualTo(7);
        assertThat(scrape.value("cairn_p2p_connections_closed_total{reason=\"peer_closed\"}")).isZero();
        assertThat(scrape.series("cairn_p2p_connections_closed_total")).hasSize(DisconnectReason.values().length);
    }

    @Test
    void droppedConsensusEventsComeFromTheDriver() {
        node.eventsDropped = 9;
        assertThat(scrape().value("cairn_consensus_events_dropped_total")).isEqualTo(9);
    }

    @Test
    void watchingASecondNodeIsRefusedAndTheFirstStaysWatched() {
        FakeReadings other = new FakeReadings();
        other.height = 99;
        node.height = 5;
        assertThatThrownBy(() -> metrics.watch(other)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already watch");
        assertThat(scrape().value("cairn_height")).isEqualTo(5);
    }
}
