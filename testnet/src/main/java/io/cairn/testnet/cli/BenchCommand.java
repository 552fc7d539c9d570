package io.cairn.testnet.cli;

import io.cairn.node.client.Durations;
import io.cairn.testnet.bench.BenchReport;
import io.cairn.testnet.bench.BenchRun;
import io.cairn.testnet.layout.TestnetLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: loads the testnet with pre-signed transfers and reports throughput, latency and the ceiling. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
    "Measures the network under load: committed tx/s, submit->commit latency, rejections, CPU and memory per node,",
    "and the fraction of this machine's Ed25519 ceiling (see docs/bench.md)."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, description = "the testnet's directory")
    Path dir;

    @ArgGroup(exclusive = true)
    Amount amount = new Amount();

    static final class Amount {
        @Option(names = "--duration", description = "how long to submit, e.g. 30s, 2m, 500ms (default 30s)")
        String duration;

        @Option(names = "--txs", description = "how many transactions to submit")
        Long txs;
    }

    @Option(names = "--rate", description = "transactions per second over the whole network (default: as fast as it takes them)")
    double rate;

    @Option(names = "--accounts", description = "how many of the testnet's accounts send (default: all)")
    Integer accounts;

    @Option(names = "--batch", defaultValue = "200", description = "transactions per tx_submit batch (default 200)")
    int batch;

    @Option(names = "--warmup", defaultValue = "0s", description = {
        "load the network this long first, unmeasured, so the nodes' JIT has compiled the hot paths (default 0s)"})
    String warmup;

    @Option(names = "--json", description = "where to write the report (default DIR/bench-<timestamp>.json)")
    Path json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            TestnetLayout layout = TestnetLayout.read(dir);
            BenchReport report = new BenchRun(layout, options(layout), err).run();
            report.lines().forEach(out::println);
            Path file = json != null ? json
                    : dir.resolve("bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
            report.writeJson(file);
            out.println("report: " + file);
            return CairnTestnet.OK;
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            return CairnTestnet.BAD_INPUT;
        } catch (IOException e) {
            err.println("bench: " + e.getMessage());
            return CairnTestnet.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("bench: interrupted");
            return CairnTestnet.FAILED;
        }
    }

    BenchRun.Options options(TestnetLayout layout) {
        if (amount.txs != null && amount.txs < 1) {
            throw new IllegalArgumentException("--txs must be at least 1, got " + amount.txs);
        }
        if (rate < 0) {
            throw new IllegalArgumentException("--rate must not be negative, got " + rate);
        }
        if (batch < 1 || batch > 1000) {
            throw new IllegalArgumentException("--batch must be 1..1000 (a node takes at most 1,000 per batch), got " + batch);
        }
        long txs = amount.txs == null ? 0 : amount.txs;
        long durationMillis = txs > 0 ? 0 : parseDuration("--duration", amount.duration == null ? "30s" : amount.duration, false);
        long warmupMillis = parseDuration("--warmup", warmup, true);
        int senders = accounts == null ? layout.accounts() : accounts;
        return new BenchRun.Options(txs, durationMillis, rate, senders, batch, 32, 2_000, 10_000, warmupMillis);
    }

    /**
     * A duration as the node's CLI reads one ({@link Durations}: 500ms, 30s, 2m) or a bare number of
     * seconds; zero only where {@code zeroAllowed}.
     */
    static long parseDuration(String option, String text, boolean zeroAllowed) {
        String form = text.trim().matches("\\d+") ? text.trim() + "s" : text.trim();
        if (zeroAllowed && form.matches("0+(ms|s|m)")) {
            return 0;
        }
        try {
            return Durations.parse(form).toMillis();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
