package io.cairn.testnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.testnet.bench.FakeChainServer;
import io.cairn.testnet.bench.TestnetFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int bench(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "bench";
        System.arraycopy(args, 0, line, 1, args.length);
        return CairnTestnet.execute(new PrintWriter(out, true), new PrintWriter(err, true), line);
    }

    @Test
    void printsTheCeilingLineAndTheReportAndWritesTheJson(@TempDir Path dir) throws Exception {
        try (FakeChainServer chain = new FakeChainServer(2, TestnetFixture.accountsFromNonceZero(4), 0, tx -> false)) {
            TestnetFixture.write(dir, chain.uris(), 4);
            Path json = dir.resolve("report.json");

            int code = bench("--dir", dir.toString(), "--txs", "40", "--batch", "10", "--json", json.toString());

            assertThat(code).as(err.toString()).isEqualTo(CairnTestnet.OK);
            assertThat(out.toString().lines().findFirst()).get().asString()
                    .matches("committed: [\\d,]+ tx/s — \\d+% of the Ed25519 ceiling \\([\\d,]+ tx/s\\)");
            assertThat(out.toString()).contains("submitted: 40 admitted, 40 committed", "report: " + json);
            assertThat(new ObjectMapper().readTree(json.toFile()).path("committed").asLong()).isEqualTo(40);
        }
    }

    @Test
    void aDirectoryWithoutATestnetFailsWithHowToCreateOne(@TempDir Path dir) {
        assertThat(bench("--dir", dir.toString(), "--txs", "5")).isEqualTo(CairnTestnet.FAILED);
        assertThat(err.toString()).contains("holds no testnet", "init --dir");
    }

    @Test
    void durationAndCountTogetherAreRefused(@TempDir Path dir) {
        assertThat(bench("--dir", dir.toString(), "--txs", "5", "--duration", "5s")).isEqualTo(CairnTestnet.BAD_INPUT);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void badNumbersAreRefusedWithTheOptionNamed(@TempDir Path dir) throws Exception {
        try (FakeChainServer chain = new FakeChainServer(1, TestnetFixture.accountsFromNonceZero(1), 0, tx -> false)) {
            TestnetFixture.write(dir, chain.uris(), 1);

            assertThat(bench("--dir", dir.toString(), "--duration", "5 minutes")).isEqualTo(CairnTestnet.BAD_INPUT);
            assertThat(bench("--dir", dir.toString(), "--txs", "0")).isEqualTo(CairnTestnet.BAD_INPUT);
            assertThat(bench("--dir", dir.toString(), "--txs", "5", "--batch", "1001")).isEqualTo(CairnTestnet.BAD_INPUT);
            assertThat(bench("--dir", dir.toString(), "--txs", "5", "--warmup", "a while")).isEqualTo(CairnTestnet.BAD_INPUT);
            assertThat(err.toString()).contains("--duration: expected a duration such as 500ms, 30s or 2m, got '5 minutes'",
                    "--txs must be at least 1, got 0", "--batch must be 1..1000",
                    "--warmup: expected a duration such as 500ms, 30s or 2m, got 'a while'");
            assertThat(chain.blockCount()).isZero();
        }
    }

    @Test
    void durationsReadMillisecondsSecondsAndMinutes() {
        assertThat(BenchCommand.parseDuration("--duration", "500ms", false)).isEqualTo(500);
        assertThat(BenchCommand.parseDuration("--duration", "30s", false)).isEqualTo(30_000);
        assertThat(BenchCommand.parseDuration("--duration", "45", false)).isEqualTo(45_000);
        assertThat(BenchCommand.parseDuration("--duration", "2m", false)).isEqualTo(120_000);
        assertThatThrownBy(() -> BenchCommand.parseDuration("--duration", "0s", false))
                .hasMessage("--duration: the duration must be more than zero, got '0s'");
        assertThat(BenchCommand.parseDuration("--warmup", "0s", true)).isZero();
    }
}
