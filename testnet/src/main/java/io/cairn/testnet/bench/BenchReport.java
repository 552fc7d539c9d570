package io.cairn.testnet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one bench run measured, printed for people ({@link #lines()}) and written as JSON ({@link #toJson()}).
 *
 * @param seconds from the first submission to the last commit of one of ours
 * @param submitted transactions the nodes admitted
 * @param committed admitted transactions seen in a block
 * @param blocks blocks committed during the run, with {@code blockTransactions} transactions in all
 * @param verificationsPerSecond this machine's Ed25519 rate: one thread's rate times {@code cores}
 */
public record BenchReport(int nodes, int accounts, double seconds, long submitted, long committed,
        LatencyPercentiles latency, long blocks, long blockTransactions, Map<String, Long> rejected,
        List<NodeUsage> usage, double verificationsPerSecond, int cores) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public BenchReport {
        rejected = Map.copyOf(rejected);
        usage = List.copyOf(usage);
    }

    public double committedPerSecond() {
        return seconds > 0 ? committed / seconds : 0;
    }

    public double transactionsPerBlock() {
        return blocks > 0 ? (double) blockTransactions / blocks : 0;
    }

    /** The most a network of this many nodes can commit on this machine: verifications per second ÷ nodes. */
    public double ceilingPerSecond() {
        return verificationsPerSecond / nodes;
    }

    public double ceilingFraction() {
        return committedPerSecond() / ceilingPerSecond();
    }

    /** {@code committed: 4,812 tx/s — 78% of the Ed25519 ceiling (6,170 tx/s)} */
    public String ceilingLine() {
        return String.format(Locale.US, "committed: %,d tx/s — %d%% of the Ed25519 ceiling (%,d tx/s)",
                Math.round(committedPerSecond()), Math.round(100 * ceilingFraction()), Math.round(ceilingPerSecond()));
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(ceilingLine());
        lines.add(String.format(Locale.US, "submitted: %,d admitted, %,d committed in %.1f s (%d nodes, %d accounts)",
                submitted, committed, seconds, nodes, accounts));
        lines.add(String.format(Locale.US, "latency submit->commit: p50 %d ms, p95 %d ms, p99 %d ms (%,d transactions)",
                latency.p50Millis(), latency.p95Millis(), latency.p99Millis(), latency.count()));
        lines.add(String.format(Locale.US, "blocks: %,d, %.1f transactions per block", blocks, transactionsPerBlock()));
        lines.add("rejected: " + (rejected.isEmpty() ? "none" : rejectedText()));
        for (NodeUsage node : usage) {
            lines.add(String.format(Locale.US, "node-%d: cpu %s, resident %s", node.node(), cpuText(node),
                    node.residentBytes() == null ? "n/a" : String.format(Locale.US, "%,d MiB", node.residentBytes() >> 20)));
        }
        lines.add(String.format(Locale.US, "ed25519: %,d verifications/s on one thread x %d cores = %,d/s",
                Math.round(verificationsPerSecond / cores), cores, Math.round(verificationsPerSecond)));
        return lines;
    }

    private String rejectedText() {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(rejected).forEach((reason, count) ->
                text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.US, "%s %,d", reason, count)));
        return text.toString();
    }

    private static String cpuText(NodeUsage node) {
        if (node.cpuSeconds() == null) {
            return "n/a";
        }
        return String.format(Locale.US, "%.1f s (%.0f%% of a core)", node.cpuSeconds(), node.cpuPercentOfOneCore());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nodes", nodes);
        json.put("accounts", accounts);
        json.put("seconds", seconds);
        json.put("submitted", submitted);
        json.put("committed", committed);
        json.put("committedPerSecond", committedPerSecond());
        json.put("latencyMillis", ordered("count", latency.count(), "p50", latency.p50Millis(),
                "p95", latency.p95Millis(), "p99", latency.p99Millis()));
        json.put("blocks", blocks);
        json.put("transactionsPerBlock", transactionsPerBlock());
        json.put("rejected", new java.util.TreeMap<>(rejected));
        json.put("usage", usage);
        json.put("ed25519", ordered("perThreadPerSecond", verificationsPerSecond / cores, "cores", cores,
                "verificationsPerSecond", verificationsPerSecond, "ceilingPerSecond", ceilingPerSecond(),
                "fractionOfCeiling", ceilingFraction()));
        json.put("summary", ceilingLine());
        return json;
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    public void writeJson(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        JSON.writeValue(file.toFile(), toJson());
    }
}
