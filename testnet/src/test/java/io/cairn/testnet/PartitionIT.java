package io.cairn.testnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.testnet.cli.CairnTestnet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code partition} and {@code heal} against four real node processes: a 2-2 split leaves no
 * quorum anywhere (no progress, no fork) and heal restores progress; a 3-1 split lets the
 * majority go on and the cut-off node catches up after heal. One network serves both tests;
 * each starts and ends healed and converged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionIT {
    /** How long "nothing happens" must hold: several view-change timeouts (1 s) of the chain. */
    private static final Duration NO_PROGRESS = Duration.ofSeconds(4);
    private static final Duration CONVERGE = Duration.ofSeconds(30);

    private FaultNetwork network;

    @BeforeAll
    void start() throws Exception {
        network = FaultNetwork.create("partition", 4);
        network.startAll();
    }

    @AfterAll
    void stop() throws Exception {
        if (network != null) {
            network.close();
        }
    }

    @BeforeEach
    void healedAndConverged() throws Exception {
        assertThat(testnet("heal", "--dir", network.dir().toString())).isEqualTo(CairnTestnet.OK);
        List<String> warmUp = List.of(network.transfer(0, 0), network.transfer(3, 3));
        awaitCommittedEverywhere(warmUp);
        awaitSameHead();
    }

    @Test
    void aTwoTwoSplitStopsProgressWithoutAForkAndHealRestoresIt() throws Exception {
        long before = network.height(0);

        assertThat(testnet("partition", "--dir", network.dir().toString(), "0,1", "2,3")).isEqualTo(CairnTestnet.OK);
        List<String> submitted = List.of(network.transfer(0, 0), network.transfer(1, 1), network.transfer(2, 2),
                network.transfer(3, 3));

        // Neither side has a quorum (3 of 4): nobody commits, and so nobody can commit differently.
        await("no node commits while split 2-2").during(NO_PROGRESS).atMost(NO_PROGRESS.plusSeconds(5))
                .until(() -> heights().equals(List.of(before, before, before, before)));
        assertNoFork(before);

        assertThat(testnet("heal", "--dir", network.dir().toString())).isEqualTo(CairnTestnet.OK);

        awaitCommittedEverywhere(submitted);
        awaitSameHead();
        assertNoFork(network.height(0));
    }

    @Test
    void theMajorityGoesOnAndTheCutOffNodeCatchesUpAfterHeal() throws Exception {
        long before = network.height(3);

        assertThat(testnet("partition", "--dir", network.dir().toString(), "0,1,2", "3")).isEqualTo(CairnTestnet.OK);
        List<String> submitted = new ArrayList<>();
        for (int account = 0; account < 3; account++) {
            submitted.add(network.transfer(account, account));
        }

        await("the majority 0,1,2 commits").atMost(CONVERGE).ignoreExceptions().until(() ->
                allCommitted(submitted, 0, 1, 2));
        assertThat(network.height(0)).isGreaterThan(before);
        assertThat(network.height(3)).isEqualTo(before);
        assertThat(network.committed(3, submitted.get(0))).isFalse();

        assertThat(testnet("heal", "--dir", network.dir().toString())).isEqualTo(CairnTestnet.OK);

        awaitCommittedEverywhere(submitted);
        awaitSameHead();
        assertNoFork(network.height(3));
    }

    private List<Long> heights() throws Exception {
        List<Long> heights = new ArrayList<>();
        for (int node = 0; node < network.size(); node++) {
            heights.add(network.height(node));
        }
        return heights;
    }

    /** Every node has the same block at every height up to {@code height}. */
    private void assertNoFork(long height) throws Exception {
        for (long h = 1; h <= height; h++) {
            Set<String> hashes = new HashSet<>();
            for (int node = 0; node < network.size(); node++) {
                hashes.add(network.blockHash(node, h));
            }
            assertThat(hashes).as("block hashes at height " + h).hasSize(1);
        }
    }

    private void awaitCommittedEverywhere(List<String> txs) {
        await("every node commits " + txs.size() + " transfers").atMost(CONVERGE).ignoreExceptions()
                .pollInterval(Duration.ofMillis(200)).until(() -> allCommitted(txs, 0, 1, 2, 3));
    }

    private boolean allCommitted(List<String> txs, int... nodes) throws Exception {
        for (int node : nodes) {
            for (String tx : txs) {
                if (!network.committed(node, tx)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void awaitSameHead() {
        await("every node has the same head").atMost(CONVERGE).ignoreExceptions()
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    Set<String> heads = new HashSet<>();
                    for (int node = 0; node < network.size(); node++) {
                        heads.add(network.height(node) + " " + network.headHash(node));
                    }
                    return heads.size() == 1;
                });
    }

    private static int testnet(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CairnTestnet.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        System.out.print(out);
        System.err.print(err);
        return code;
    }
}
