package io.cairn.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a range of seeds and sums them up. {@code -Dcairn.sim.seed=S} runs only seed S;
 * {@code -Dcairn.sim.seeds=N} runs N seeds from {@code -Dcairn.sim.firstSeed} (default given by the
 * caller). Runs are independent, so they may go on several threads; each stays deterministic.
 */
public final class SeedRunner {
    public static final String SEED = "cairn.sim.seed";
    public static final String SEEDS = "cairn.sim.seeds";
    public static final String FIRST_SEED = "cairn.sim.firstSeed";
    public static final String THREADS = "cairn.sim.threads";

    /** The outcome: the totals and every failure, in seed order. */
    public record Outcome(Summary summary, List<Simulation.Failure> failures, long wallMs) {
        public String line() {
            return summary.line(wallMs);
        }
    }

    private SeedRunner() {}

    /** The seeds to run: the one from -Dcairn.sim.seed, or N from the first seed. */
    public static long[] seeds(long defaultFirst, int defaultCount) {
        if (System.getProperty(SEED) != null) {
            return new long[] {Long.parseLong(System.getProperty(SEED))};
        }
        int count = Integer.getInteger(SEEDS, defaultCount);
        long first = Long.getLong(FIRST_SEED, defaultFirst);
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = first + i;
        }
        return seeds;
    }

    /** One seed; a crash of the code under test is reported with the seed that replays it. */
    public static Simulation.Result runOne(long seed, Scenario.Spec spec) {
        try {
            return new Simulation(seed, spec).run();
        } catch (RuntimeException e) {
            throw new IllegalStateException("seed " + seed + " threw " + e + "\nreproduce with -D" + SEED + "=" + seed, e);
        }
    }

    public static Outcome run(long[] seeds, Scenario.Spec spec, int threads) {
        long start = System.nanoTime();
        Summary summary = new Summary();
        List<Simulation.Failure> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Simulation.Result>> results = new ArrayList<>();
            for (long seed : seeds) {
                results.add(pool.submit(() -> runOne(seed, spec)));
            }
            for (Future<Simulation.Result> future : results) {
                Simulation.Result result = future.get();
                summary.add(result);
                result.failure().ifPresent(failures::add);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(summary, failures, (System.nanoTime() - start) / 1_000_000);
    }
}
