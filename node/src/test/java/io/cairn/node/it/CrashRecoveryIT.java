package io.cairn.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** kill -9 of the primary and of a backup: the others go on, the killed one catches up, nothing is lost. */
class CrashRecoveryIT {

    @Test
    void theOthersChangeViewWhenThePrimaryDiesAndItCatchesUpAndTakesPartAfterARestart()
            throws Exception {
        try (LocalNetwork network = LocalNetwork.create("primary-killed", 4, false)) {
            network.startAll();
            Transfers transfers = new Transfers(network);
            transfers.submit(20, 0, 1, 2, 3);
            Convergence.awaitCommitted(network, transfers.admitted(), Duration.ofSeconds(60), 0, 1, 2, 3);
            JsonNode head = Convergence.awaitSameHead(network, Duration.ofSeconds(30));

            // The primary of the next height is validator (h - 1 + 0) mod n with h = head + 1.
            int primary = (int) (head.get("height").asLong() % 4);
            network.kill(primary);
            int[] survivors = others(primary);
            transfers.submit(40, survivors);
            Convergence.awaitCommitted(network, transfers.admitted(), Duration.ofSeconds(90), survivors);
            assertThat(viewsOfBlocksAbove(network, survivors[0], head.get("height").asLong()))
                    .as("the height the dead primary should have led was decided in a later view").anyMatch(v -> v > 0);

            network.restart(primary);
            Convergence.awaitCommitted(network, transfers.admitted(), Duration.ofSeconds(60), primary);
            long caughtUp = network.rpc(primary).height();
            String key = network.genesis().validators().get(primary).publicKey().toHex();
            // Taking part again: it proposes or signs the certificate of a block committed after its return.
            await("the restarted validator signs new certificates").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        transfers.submit(8, survivors);
                        long height = network.rpc(survivors[0]).height();
                        for (long h = caughtUp + 1; h <= height; h++) {
                            JsonNode block = network.rpc(survivors[0]).block(h);
                            if (signers(block).contains(primary)
                                    || block.get("header").get("proposer").asText().equals(key)) {
                                return true;
                            }
                        }
                        return false;
                    });
            JsonNode end = Convergence.awaitSameHead(network, Duration.ofSeconds(60));
            Convergence.assertSameChain(network, end.get("height").asLong());
        }
    }

    @Test
    void noTransactionReportedCommittedIsLostWhenABackupIsKilledUnderLoad() throws Exception {
        try (LocalNetwork network = LocalNetwork.create("backup-killed", 4, false)) {
            network.startAll();
            Transfers transfers = new Transfers(network);
            int backup = 2;
            Set<String> reportedCommitted = new HashSet<>();
            transfers.submit(100, 0, 1, 2, 3);
            await("the backup reports commits").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> collectCommitted(network, backup, transfers.admitted(), reportedCommitted) > 0);

            Thread load = new Thread(() -> submitQuietly(transfers, 200, 0, 1, 3), "load");
            load.start();
            await("load is flowing").atMost(Duration.ofSeconds(30)).until(() -> transfers.admittedBy(0).size() > 40);
            collectCommitted(network, backup, transfers.admitted(), reportedCommitted);
            network.kill(backup);
            load.join(120_000);
            network.restart(backup);
            transfers.submit(60, 0, 1, 3);

            // Everything the surviving nodes admitted commits everywhere, the restarted backup included;
            // and so does everything any node ever reported committed, before or after the kill.
            Convergence.awaitCommitted(network, transfers.admittedBy(0, 1, 3), Duration.ofSeconds(90), 0, 1, 2, 3);
            for (int node : new int[] {0, 1, 3}) {
                collectCommitted(network, node, transfers.admitted(), reportedCommitted);
            }
            assertThat(reportedCommitted).isNotEmpty();
            Convergence.awaitCommitted(network, List.copyOf(reportedCommitted), Duration.ofSeconds(30), 0, 1, 2, 3);
            JsonNode end = Convergence.awaitSameHead(network, Duration.ofSeconds(60));
            Convergence.assertSameChain(network, end.get("height").asLong());
        }
    }

    /** Adds the transactions {@code node} reports committed to {@code into}; returns how many it reported. */
    private static int collectCommitted(LocalNetwork network, int node, List<String> hashes, Set<String> into)
            throws Exception {
        int count = 0;
        for (String hash : hashes) {
            if (network.rpc(node).txStatus(hash).filter("committed"::equals).isPresent()) {
                into.add(hash);
                count++;
            }
        }
        return count;
    }

    private static void submitQuietly(Transfers transfers, int count, int... targets) {
        try {
            for (int i = 0; i < count; i += 10) {
                transfers.submit(10, targets);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] others(int node) {
        return java.util.stream.IntStream.range(0, 4).filter(i -> i != node).toArray();
    }

    private static List<Long> viewsOfBlocksAbove(LocalNetwork network, int node, long height) throws Exception {
        long head = network.rpc(node).height();
        List<Long> views = new java.util.ArrayList<>();
        for (long h = height + 1; h <= head; h++) {
            views.add(network.rpc(node).block(h).get("certificate").get("view").asLong());
        }
        return views;
    }

    private static Set<Integer> signers(JsonNode block) {
        Set<Integer> signers = new HashSet<>();
        block.get("certificate").get("signatures").forEach(signature -> signers.add(signature.get("validator").asInt()));
        return signers;
    }
}
