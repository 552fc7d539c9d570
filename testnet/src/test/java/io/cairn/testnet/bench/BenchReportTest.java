package io.cairn.testnet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
    /** 48,120 committed in 10 s on 4 nodes; 6,170 verifications/s per thread on 4 cores: a ceiling of 6,170 tx/s. */
    private static BenchReport report(List<NodeUsage> usage) {
        return new BenchReport(4, 16, 10.0, 48_500, 48_120, new LatencyPercentiles(48_120, 120, 240, 310), 200,
                48_130, Map.of("mempool_full", 37L, "nonce_too_high", 5L), usage, 24_680, 4);
    }

    @Test
    void theCeilingLineHasExactlyTheAgreedForm() {
        assertThat(report(List.of()).ceilingLine())
                .isEqualTo("committed: 4,812 tx/s — 78% of the Ed25519 ceiling (6,170 tx/s)");
    }

    @Test
    void theNumbersFollowFromTheMeasurements() {
        BenchReport report = report(List.of());

        assertThat(report.committedPerSecond()).isEqualTo(4_812.0);
        assertThat(report.ceilingPerSecond()).isEqualTo(6_170.0);
        assertThat(report.ceilingFraction()).isCloseTo(0.7799, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(report.transactionsPerBlock()).isEqualTo(240.65);
    }

    @Test
    void noTimeOrNoBlocksGiveZeroRatherThanInfinity() {
        BenchReport idle = new BenchReport(4, 1, 0, 0, 0, LatencyPercentiles.NONE, 0, 0, Map.of(), List.of(), 8_000, 2);

        assertThat(idle.committedPerSecond()).isZero();
        assertThat(idle.transactionsPerBlock()).isZero();
        assertThat(idle.ceilingLine()).isEqualTo("committed: 0 tx/s — 0% of the Ed25519 ceiling (2,000 tx/s)");
    }

    @Test
    void thePrintedReportShowsLatencyRejectionsAndNodesWithNaWhereUnknown() {
        List<String> lines = report(List.of(new NodeUsage(0, 4242L, 12.5, 125.0, 300L << 20),
                new NodeUsage(1, null, null, null, null))).lines();

        assertThat(lines.get(0)).isEqualTo("committed: 4,812 tx/s — 78% of the Ed25519 ceiling (6,170 tx/s)");
        assertThat(lines).contains(
                "latency submit->commit: p50 120 ms, p95 240 ms, p99 310 ms (48,120 transactions)",
                "blocks: 200, 240.7 transactions per block",
                "rejected: mempool_full 37, nonce_too_high 5",
                "node-0: cpu 12.5 s (125% of a core), resident 300 MiB",
                "node-1: cpu n/a, resident n/a",
                "ed25519: 6,170 verifications/s on one thread x 4 cores = 24,680/s");
    }

    @Test
    void theJsonHoldsTheSameNumbers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/bench.json");
        report(List.of(new NodeUsage(0, 4242L, 12.5, 125.0, 1024L))).writeJson(file);

        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(json.path("committed").asLong()).isEqualTo(48_120);
        assertThat(json.path("committedPerSecond").asDouble()).isEqualTo(4_812.0);
        assertThat(json.path("latencyMillis").path("p99").asLong()).isEqualTo(310);
        assertThat(json.path("blocks").asLong()).isEqualTo(200);
        assertThat(json.path("rejected").path("mempool_full").asLong()).isEqualTo(37);
        assertThat(json.path("usage").get(0).path("residentBytes").asLong()).isEqualTo(1024);
        assertThat(json.path("ed25519").path("ceilingPerSecond").asDouble()).isEqualTo(6_170.0);
        assertThat(json.path("summary").asText()).isEqualTo(report(List.of()).ceilingLine());
    }
}
