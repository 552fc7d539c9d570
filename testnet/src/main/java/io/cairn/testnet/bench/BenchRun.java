package io.cairn.testnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.KeyFile;
import io.cairn.crypto.KeyFileException;
import io.cairn.crypto.KeyPair;
import io.cairn.testnet.layout.TestnetLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One bench run against a testnet: measure the Ed25519 ceiling, read the accounts' nonces, pre-sign, submit while
 * watching commits and printing progress, wait for the admitted transactions to commit, and report.
 */
public final class BenchRun {
    /**
     * @param transactions how many to send, or 0 to send for {@code durationMillis}
     * @param ratePerSecond 0 for as fast as the network takes them
     * @param accounts how many of the testnet's accounts send
     * @param drainMillis how long to wait after the last submission for commits that stopped coming
     * @param warmupMillis how long to load the network first, unmeasured (0 for not at all)
     */
    public record Options(long transactions, long durationMillis, double ratePerSecond, int accounts, int batchSize,
            int window, long ceilingMillis, long drainMillis, long warmupMillis) {}

    private final TestnetLayout layout;
    private final Options options;
    private final PrintWriter progress;
    private final LongSupplier clock = System::currentTimeMillis;

    public BenchRun(TestnetLayout layout, Options options, PrintWriter progress) {
        this.layout = layout;
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() throws IOException, InterruptedException {
        if (options.accounts() < 1 || options.accounts() > layout.accounts()) {
            throw new IllegalArgumentException("--accounts must be 1.." + layout.accounts()
                    + " (the testnet has " + layout.accounts() + " accounts), got " + options.accounts());
        }
        List<NodeRpc> nodes = layout.nodes().stream().map(node -> new NodeRpc(node.rpcUri())).toList();
        progress.println("measuring this machine's Ed25519 verification rate...");
        Ed25519Ceiling ceiling = Ed25519Ceiling.measure(options.ceilingMillis() / 2, options.ceilingMillis());
        List<KeyPair> keys = readAccounts();
        if (options.warmupMillis() > 0) {
            // The nodes' JIT compiles their hot paths only under load: on 2 shared cores that takes minutes.
            progress.printf("warming up for %,d ms (not measured)...%n", options.warmupMillis());
            PresignedLoad warmup = PresignedLoad.sign(layout.chainId(), keys, nonces(nodes.get(0), keys),
                    planned(ceiling, nodes.size(), options.warmupMillis()));
            measure(nodes, warmup, ceiling, options.warmupMillis());
            // Again, now that the nodes are warm and idle: just after 'up' they still compile, and take cores from it.
            progress.println("measuring this machine's Ed25519 verification rate again...");
            ceiling = Ed25519Ceiling.measure(options.ceilingMillis() / 2, options.ceilingMillis());
        }
        long[] nonces = nonces(nodes.get(0), keys);
        long total = options.transactions() > 0 ? options.transactions()
                : planned(ceiling, nodes.size(), options.durationMillis());
        progress.printf("signing %,d transfers from %d accounts...%n", total, keys.size());
        PresignedLoad load = PresignedLoad.sign(layout.chainId(), keys, nonces, total);
        return measure(nodes, load, ceiling, options.transactions() > 0 ? 0 : options.durationMillis());
    }

    private long planned(Ed25519Ceiling ceiling, int nodes, long durationMillis) {
        double perSecond = options.ratePerSecond() > 0 ? options.ratePerSecond() : 1.5 * ceiling.transactionsPerSecond(nodes);
        return Math.max(1, (long) (perSecond * durationMillis / 1000.0));
    }

    /** Submits {@code load} for {@code durationMillis}, or all of it when that is 0, and reports what committed. */
    private BenchReport measure(List<NodeRpc> nodes, PresignedLoad load, Ed25519Ceiling ceiling, long durationMillis)
            throws IOException, InterruptedException {
        List<Optional<ProcessResources>> before = resources();
        RejectionTally rejected = new RejectionTally();
        CommitWatcher watcher = new CommitWatcher(nodes, clock, load.hashes());
        watcher.start();
        long started = clock.getAsLong();
        long deadline = durationMillis == 0 ? Long.MAX_VALUE : started + durationMillis;
        SubmitLoop loop = new SubmitLoop(nodes, load, new SubmitLoop.Settings(options.batchSize(), options.window(),
                options.ratePerSecond(), deadline, 500), rejected, clock);
        try (BenchProgress line = BenchProgress.start(progress, loop, watcher, clock)) {
            loop.run();
            line.drain(options.drainMillis());
        }
        List<Optional<ProcessResources>> after = resources();
        return report(nodes.size(), load.accounts(), started, loop, watcher, rejected, ceiling, before, after);
    }

    static BenchReport report(int nodeCount, int accounts, long started, SubmitLoop loop, CommitWatcher watcher,
            RejectionTally rejected, Ed25519Ceiling ceiling, List<Optional<ProcessResources>> before,
            List<Optional<ProcessResources>> after) {
        List<Long> latencies = new ArrayList<>();
        long lastCommit = started;
        for (Map.Entry<String, Long> sent : loop.submittedAt().entrySet()) {
            Long committedAt = watcher.committedAt(sent.getKey());
            if (committedAt != null) {
                latencies.add(committedAt - sent.getValue());
                lastCommit = Math.max(lastCommit, committedAt);
            }
        }
        double seconds = (lastCommit - started) / 1000.0;
        List<NodeUsage> usage = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            usage.add(NodeUsage.between(i, before.get(i).orElse(null), after.get(i).orElse(null), seconds));
        }
        return new BenchReport(nodeCount, accounts, seconds, loop.submitted(), latencies.size(),
                LatencyPercentiles.of(latencies.stream().mapToLong(Long::longValue).toArray()), watcher.blocks(),
                watcher.transactions(), rejected.snapshot(), usage, ceiling.verificationsPerSecond(), ceiling.cores());
    }

    private List<Optional<ProcessResources>> resources() {
        List<Optional<ProcessResources>> all = new ArrayList<>();
        for (TestnetLayout.NodeEntry node : layout.nodes()) {
            boolean local = node.host().equals("127.0.0.1") || node.host().equals("localhost");
            all.add(local ? ProcessResources.ofPidFile(layout.pidFile(node.index()), Path.of("/proc")) : Optional.empty());
        }
        return all;
    }

    private List<KeyPair> readAccounts() throws IOException {
        List<KeyPair> keys = new ArrayList<>();
        for (int k = 0; k < options.accounts(); k++) {
            try {
                keys.add(KeyFile.read(layout.accountKey(k)));
            } catch (KeyFileException e) {
                throw new IOException("cannot read account " + k + "'s key " + layout.accountKey(k) + ": "
                        + e.getMessage(), e);
            }
        }
        return keys;
    }

    /** Each account's next nonce, as node 0 sees the committed state. */
    static long[] nonces(NodeRpc node, List<KeyPair> keys) throws IOException {
        List<Map<String, String>> params = keys.stream().map(k -> Map.of("address", k.publicKey().toHex())).toList();
        long[] nonces = new long[keys.size()];
        List<JsonNode> answers = new ArrayList<>();
        for (int from = 0; from < params.size(); from += 500) {
            answers.addAll(node.batch("state_getAccount", params.subList(from, Math.min(from + 500, params.size()))));
        }
        for (int k = 0; k < nonces.length; k++) {
            JsonNode account = answers.get(k).path("result");
            if (!account.isObject()) {
                throw new IOException("account " + k + " (" + params.get(k).get("address") + ") is not on the chain: "
                        + answers.get(k));
            }
            nonces[k] = account.path("nonce").asLong();
        }
        return nonces;
    }
}
