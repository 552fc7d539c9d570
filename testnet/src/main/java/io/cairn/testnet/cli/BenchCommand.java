package io.cairn.testnet.cli;

import io.cairn.testnet.bench.BenchReport;
import io.cairn.testnet.bench.BenchRun;
import io.cairn.testnet.layout.TestnetLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

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
        long durationMillis = txs > 0 ? 0 : parseDuration("--duration", amount.duration == null ? "30s" : amount.duration, 1);
        long warmupMillis = parseDuration("--warmup", warmup, 0);
        int senders = accounts == null ? layout.accounts() : accounts;
        return new BenchRun.Options(txs, durationMillis, rate, senders, batch, 32, 2_000, 10_000, warmupMillis);
    }

    /** A duration like 500ms, 30s, 2m or 45 (seconds), at least {@code minMillis}. */
    static long parseDuration(String option, String text, long minMillis) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " takes a number with ms, s or m, like 30s; got '" + text + "'");
        }
        long value = Long.parseLong(m.group(1));
        long millis = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> value;
            case "m" -> value * 60_000;
            default -> value * 1_000;
        };
        if (millis < minMillis) {
            throw new IllegalArgumentException(option + (minMillis == 1 ? " must be positive" : " must be at least "
                    + minMillis + " ms") + ", got '" + text + "'");
        }
        return millis;
    }
}
