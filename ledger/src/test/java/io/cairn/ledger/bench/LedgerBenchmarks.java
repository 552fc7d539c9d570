package io.cairn.ledger.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the ledger's JMH benchmarks and prints the figures the foundation issue asks for.
 * Run: {@code mvn -B -q -Pbench -pl ledger -am verify -DskipTests} (see README).
 */
public final class LedgerBenchmarks {
    private LedgerBenchmarks() {}

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(TransactionBenchmark.class.getSimpleName())
                .include(BlockCommitBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> score = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            score.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        double decode = score.get("decode");
        double hash = score.get("hash");
        double verify = score.get("verify");
        double all = score.get("decodeHashVerify");
        System.out.printf("%n250-byte transactions, one thread:%n");
        System.out.printf("  decode %.2f us, hash %.2f us, verify %.1f us; decode+hash+verify %.1f us = %,.0f tx/s%n",
                decode, hash, verify, all, 1e6 / all);
        System.out.printf("  decode + hash cost %.1f%% of verification%n", 100 * (decode + hash) / verify);
        System.out.printf("LevelDB (%s), blocks of %,d transactions, one synced batch per block:%n",
                io.cairn.ledger.store.LevelDbKeyValueStore.Engine.preferred().label(),
                BlockCommitBenchmark.TRANSACTIONS_PER_BLOCK);
        System.out.printf("  commit %,.0f tx/s; verify (re-execute) + commit %,.0f tx/s%n",
                score.get("commit"), score.get("verifyAndCommit"));
    }
}
