package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.cairn.rpc.api.Health;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} in the Prometheus text format and {@code GET /health}: 200 when ok, 503 when not. */
class RpcMetricsHealthTest {
    private static final Health IN_CONSENSUS = new Health(true, "consensus", "in consensus at height 3");
    private static RpcServerFixture fixture;
    private static RpcClient client;

    @BeforeAll
    static void start() throws Exception {
        fixture = new RpcServerFixture();
        client = fixture.client;
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @AfterEach
    void healthy() {
        fixture.node.health = IN_CONSENSUS;
        fixture.node.failMetricsWith(null);
    }

    @Test
    void metricsAreTheNodesScrapeInThePrometheusTextFormat() {
        RpcClient.Answer answer = client.get("/metrics");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(answer.body()).isEqualTo("# TYPE cairn_height gauge\ncairn_height 3\n");
    }

    @Test
    void aSyncingNodeIsHealthy() {
        fixture.node.health = new Health(true, "syncing", "fetching blocks from peers: at height 3, peers are at 90");
        RpcClient.Answer answer = client.get("/health");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").textValue()).isEqualTo("syncing");
        assertThat(answer.json().get("detail").textValue()).isEqualTo(fixture.node.health.detail());
    }

    @Test
    void aStalledNodeIsUnavailableWithTheSameBody() {
        fixture.node.health = new Health(false, "stalled", "no block committed for 60 s at height 3");
        RpcClient.Answer answer = client.get("/health");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).hasValue("application/json");
        assertThat(answer.json().toString())
                .isEqualTo("{\"status\":\"stalled\",\"detail\":\"no block committed for 60 s at height 3\"}");
    }

    @Test
    void aStoppedNodeIsUnavailableAndTheServerGoesOnAnswering() {
        fixture.node.health = new Health(false, "stopped", "consensus stopped after height 3: block 4 does not apply");
        RpcClient.Answer answer = client.get("/health");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("status").textValue()).isEqualTo("stopped");
        assertThat(answer.json().get("detail").textValue()).contains("block 4 does not apply");
        fixture.assertStillServingAndMempoolEmpty();
        assertThat(client.get("/metrics").status()).isEqualTo(200);
    }

    @Test
    void aFailureReadingTheMetricsIsAnInternalErrorInJsonWithTheTraceOnlyInTheLog() {
        fixture.node.failMetricsWith(new IllegalStateException("registry damaged at meter 12"));
        try (LogCapture log = new LogCapture(RpcServer.class)) {
            RpcClient.Answer answer = client.get("/metrics");
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.contentType()).hasValue("application/json");
            assertThat(answer.json().get("status").asInt()).isEqualTo(500);
            assertThat(answer.body()).doesNotContain("IllegalStateException").doesNotContain("meter 12");

            List<ILoggingEvent> events = log.events();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getLevel()).isEqualTo(Level.ERROR);
            assertThat(events.get(0).getFormattedMessage()).contains("GET /metrics");
            assertThat(events.get(0).getThrowableProxy().getMessage()).isEqualTo("registry damaged at meter 12");
        }
        fixture.node.failMetricsWith(null);
        assertThat(client.get("/metrics").status()).isEqualTo(200);
    }

    @Test
    void postingToMetricsOrHealthIsMethodNotAllowedInJson() {
        for (String path : List.of("/metrics", "/health")) {
            RpcClient.Answer answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + fixture.server.port() + path)).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertThat(answer.status()).as(path).isEqualTo(405);
            assertThat(answer.contentType()).as(path).hasValue("application/json");
        }
    }
}
