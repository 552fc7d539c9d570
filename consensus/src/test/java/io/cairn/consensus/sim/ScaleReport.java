package io.cairn.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.ConsensusConfig.PlantedBug;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * PBFT at scale, on paper: n validators over a WAN (one-way delays uniform in 50 to 200 ms), no
 * faults, a steady client load. Reports, in simulated time, blocks per second, commit latency
 * (from the primary building the block to each node applying it, p50 and p95) and consensus
 * messages per block. Signatures are real Ed25519, so n = 100 is slow in real time. Not part of
 * the normal suite (the class name does not end in Test); run it with
 * <pre>
 * mvn -B -q -pl consensus -am verify -Dtest=ScaleReport -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * and read the table in target/surefire-reports/io.cairn.consensus.sim.ScaleReport-output.txt.
 */
class ScaleReport {
    private static final int[][] SIZES_AND_HEIGHTS = {{4, 100}, {16, 50}, {64, 20}, {100, 20}};

    @Test
    void report() {
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%5s %8s %7s %10s %10s %13s %13s %14s %9s", "n", "heights", "views", "sim s",
                "blocks/s", "latency p50", "latency p95", "messages/blk", "real s"));
        for (int[] sizeAndHeights : SIZES_AND_HEIGHTS) {
            rows.add(row(sizeAndHeights[0], sizeAndHeights[1]));
        }
        System.out.println("PBFT over a simulated WAN (one-way 50-200 ms, 2 s timeout, 5 ms to apply a block):\n"
                + String.join("\n", rows));
    }

    private static String row(int n, int heights) {
        Scenario scenario = new Scenario(n, FaultMix.CALM, PlantedBug.NONE, new TreeMap<>(), 10, 200, 6,
                NetworkModel.latency(50, 150), 1, 0, 0, 0, 0, 0, 0, heights, 5, 1024);
        long start = System.nanoTime();
        Simulation.Result result = new Simulation(n, scenario).run();
        long realMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(result.failure()).isEmpty();
        SimStats stats = result.stats();
        List<Long> latencies = new ArrayList<>(stats.commitLatencies);
        latencies.sort(Long::compare);
        double seconds = (stats.lastCommitMs - stats.firstProposalMs) / 1000.0;
        return String.format("%5d %8d %7d %10.1f %10.2f %10d ms %10d ms %14d %9.1f", n, result.heights(),
                stats.highestView, seconds,
                result.heights() / seconds, percentile(latencies, 50), percentile(latencies, 95),
                stats.consensusMessages / result.heights(), realMs / 1000.0);
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (sorted.size() * percent) / 100));
    }
}
