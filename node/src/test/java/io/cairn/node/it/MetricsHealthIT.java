package io.cairn.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.node.metrics.ScrapeText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code /metrics} and {@code /health} of real node processes: what they report matches what the chain did. */
class MetricsHealthIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static HttpResponse<String> get(LocalNetwork network, int node, String path)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + network.rpcPort(node) + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ScrapeText metrics(LocalNetwork network, int node) throws IOException, InterruptedException {
        HttpResponse<String> response = get(network, node, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return new ScrapeText(response.body());
    }

    private static String healthState(LocalNetwork network, int node) throws IOException, InterruptedException {
        HttpResponse<String> response = get(network, node, "/health");
        String state = new ObjectMapper().readTree(response.body()).get("status").asText();
        assertThat(response.statusCode()).as("HTTP status for %s", state)
                .isEqualTo(state.equals("consensus") || state.equals("syncing") ? 200 : 503);
        return state;
    }

    @Test
    void aNetworkThatLosesItsPrimaryReportsItsViewChangesAndTheReturningNodeCatchesUpHealthy() throws Exception {
        try (LocalNetwork network = LocalNetwork.create("metrics", 4, false)) {
            network.startAll();
            Transfers transfers = new Transfers(network);
            assertThat(transfers.submit(24, 0, 1, 2, 3)).isEqualTo(24);
            Convergence.awaitCommitted(network, transfers.admitted(), Duration.ofSeconds(60), 0, 1, 2, 3);
            long height = Convergence.awaitSameHead(network, Duration.ofSeconds(30)).get("height").asLong();
            for (int node = 0; node < 4; node++) {
                ScrapeText scrape = metrics(network, node);
                assertThat(scrape.value("cairn_height")).as("node %d", node).isEqualTo(height);
                assertThat(scrape.value("cairn_blocks_committed_total")).as("node %d", node).isEqualTo(height);
                assertThat(scrape.value("cairn_transactions_committed_total")).as("node %d", node).isEqualTo(24);
                assertThat(scrape.value("cairn_block_commit_latency_seconds_count")).isBetween(1.0, (double) height);
                assertThat(scrape.value("cairn_transactions_admitted_total"))
                        .isGreaterThanOrEqualTo(transfers.admittedBy(node).size());
                assertThat(scrape.value("cairn_mempool_transactions")).isZero();
                assertThat(scrape.value("cairn_peers_connected")).isEqualTo(3);
                assertThat(scrape.value("cairn_p2p_sent_bytes_total")).isPositive();
                assertThat(scrape.value("cairn_p2p_received_bytes_total")).isPositive();
                assertThat(healthState(network, node)).isEqualTo("consensus");
            }

            // The primary of the next height is validator (h - 1 + 0) mod n with h = height + 1.
            int primary = (int) (height % 4);
            int[] survivors = IntStream.range(0, 4).filter(i -> i != primary).toArray();
            network.kill(primary);
            transfers.submit(12, survivors);
            Convergence.awaitCommitted(network, transfers.admitted(), Duration.ofSeconds(90), survivors);
            for (int node : survivors) {
                // With one validator down, the three others are the quorum: each of them moved to the new view.
                ScrapeText scrape = metrics(network, node);
                assertThat(scrape.value("cairn_consensus_view_changes_total")).as("node %d", node).isPositive();
                assertThat(scrape.value("cairn_peers_connected")).as("node %d", node).isEqualTo(2);
                assertThat(healthState(network, node)).isEqualTo("consensus");
            }

            network.restart(primary);
            Convergence.awaitCommitted(network, transfers.admitted(), Duration.ofSeconds(60), primary);
            await("the returning validator is in consensus").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> healthState(network, primary).equals("consensus"));
            JsonNode head = network.rpc(primary).status();
            ScrapeText scrape = metrics(network, primary);
            // Counted since the restart; the blocks it fetched are no commit latency of its own.
            assertThat(scrape.value("cairn_blocks_committed_total"))
                    .isEqualTo(head.get("height").asLong() - height);
            assertThat(scrape.value("cairn_block_commit_latency_seconds_count"))
                    .isLessThan(scrape.value("cairn_blocks_committed_total"));
        }
    }
}
