package io.cairn.testnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ledger.testing.TestKeys;
import io.cairn.testnet.layout.TestnetLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole bench run against two fake nodes: from the testnet directory to the report. */
class BenchRunTest {
    private static BenchRun.Options txs(long count, int accounts) {
        return new BenchRun.Options(count, 0, 0, accounts, 25, 8, 200, 2_000, 0);
    }

    @Test
    void reportsEveryAdmittedTransactionCommittedWithItsLatencyBlocksRefusalsAndLocalNodes(@TempDir Path dir)
            throws Exception {
        try (FakeChainServer chain = new FakeChainServer(2, TestnetFixture.accountsFromNonceZero(4), 9, tx -> false)) {
            TestnetLayout layout = TestnetFixture.write(dir, chain.uris(), 4);
            // node 0 "runs" as this JVM; node 1 has no pid file
            Files.createDirectories(layout.home(0));
            Files.writeString(layout.pidFile(0), Long.toString(ProcessHandle.current().pid()));
            StringWriter progress = new StringWriter();

            BenchReport report = new BenchRun(layout, txs(120, 4), new PrintWriter(progress, true)).run();

            assertThat(report.submitted()).isEqualTo(120);
            assertThat(report.committed()).isEqualTo(120);
            assertThat(report.latency().count()).isEqualTo(120);
            assertThat(report.latency().p99Millis()).isBetween(0L, 10_000L);
            assertThat(report.blocks()).isEqualTo(chain.blockCount()).isPositive();
            assertThat(report.blockTransactions()).isEqualTo(120);
            assertThat(report.rejected()).containsEntry("mempool_full", (long) chain.refusals().get("mempool_full"));
            assertThat(report.usage().get(0).cpuSeconds()).isNotNull();
            assertThat(report.usage().get(1).cpuSeconds()).isNull();
            assertThat(report.verificationsPerSecond()).isPositive();
            assertThat(progress.toString()).contains("\rsubmitted 120  committed 120");
        }
    }

    @Test
    void aWarmupLoadsTheNetworkFirstAndOnlyWhatFollowsIsMeasured(@TempDir Path dir) throws Exception {
        try (FakeChainServer chain = new FakeChainServer(2, TestnetFixture.accountsFromNonceZero(4), 0, tx -> false)) {
            TestnetLayout layout = TestnetFixture.write(dir, chain.uris(), 4);
            StringWriter progress = new StringWriter();
            BenchRun.Options options = new BenchRun.Options(40, 0, 400, 4, 10, 8, 200, 2_000, 300);

            BenchReport report = new BenchRun(layout, options, new PrintWriter(progress, true)).run();

            assertThat(progress.toString()).contains("warming up for 300 ms (not measured)",
                    "measuring this machine's Ed25519 verification rate again");
            assertThat(report.submitted()).isEqualTo(40);
            assertThat(report.committed()).isEqualTo(40);
            assertThat(report.blockTransactions()).isEqualTo(40);
            int warmup = 0;
            for (int k = 0; k < 4; k++) {
                List<Long> nonces = chain.admittedNonces(TestKeys.account(k).publicKey());
                assertThat(nonces).as("account %d's nonces, warm-up then measured, none reused", k)
                        .doesNotHaveDuplicates().isSorted();
                warmup += nonces.size() - 10;
            }
            assertThat(warmup).as("transfers sent while warming up").isPositive();
        }
    }

    @Test
    void moreAccountsThanTheTestnetHasIsRefusedBeforeAnythingIsSent(@TempDir Path dir) throws Exception {
        try (FakeChainServer chain = new FakeChainServer(1, TestnetFixture.accountsFromNonceZero(2), 0, tx -> false)) {
            TestnetLayout layout = TestnetFixture.write(dir, chain.uris(), 2);

            assertThatThrownBy(() -> new BenchRun(layout, txs(10, 3), new PrintWriter(new StringWriter())).run())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--accounts must be 1..2 (the testnet has 2 accounts), got 3");
            assertThat(chain.blockCount()).isZero();
        }
    }

    @Test
    void anAccountTheChainDoesNotKnowIsNamedInTheError(@TempDir Path dir) throws Exception {
        Map<io.cairn.crypto.PublicKey, Long> onlyFirst = Map.of(TestKeys.account(0).publicKey(), 0L);
        try (FakeChainServer chain = new FakeChainServer(1, onlyFirst, 0, tx -> false)) {
            TestnetLayout layout = TestnetFixture.write(dir, chain.uris(), 2);

            assertThatThrownBy(() -> new BenchRun(layout, txs(10, 2), new PrintWriter(new StringWriter())).run())
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("account 1 (" + TestKeys.account(1).publicKey().toHex() + ") is not on the chain");
        }
    }
}
