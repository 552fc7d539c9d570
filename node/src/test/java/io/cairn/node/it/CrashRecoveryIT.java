package io.cairn.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the primary and of a backup: the others go on, the killed one catches up, nothing is lost. */
class CrashRecoveryIT {

    @Test
    void theOthersChangeViewWhenThePrimaryDiesAndItCatchesUpAndTakesPartAfterARestart(@TempDir Path dir)
            throws Exception {
        try (LocalNetwork network = LocalNetwork.create(dir, 4, false)) {
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
    void noTransactionReportedCommittedIsLostWhenABackupIsKilledUnderLoad(@TempDir Path dir) throws Exception {
        try (LocalNetwork network = LocalNetwork.create(dir, 4, false)) {
            network.startAll();
            Transfers transfers = new Transfers(network);
            int backup = 2;
            transfers.submit(150, 0, 1, 2, 3);
            network.kill(backup);
            transfers.submit(150, 0, 1, 3);
            network.restart(backup);
            transfers.submit(100, 0, 1, 2, 3);

            // Every transaction any node admitted and then reported committed is on every node.
            List<String> admitted = transfers.admitted();
            Set<String> reportedCommitted = new HashSet<>();
            await("the admitted transactions are committed somewhere").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        for (String hash : admitted) {
                            for (int node = 0; node < 4 && !reportedCommitted.contains(hash); node++) {
                                if (network.rpc(node).txStatus(hash).filter("committed"::equals).isPresent()) {
                                    reportedCommitted.add(hash);
                                }
                            }
                        }
                        return reportedCommitted.size() == admitted.size();
                    });
            Convergence.awaitCommitted(network, List.copyOf(reportedCommitted), Duration.ofSeconds(60), 0, 1, 2, 3);
            JsonNode end = Convergence.awaitSameHead(network, Duration.ofSeconds(60));
            Convergence.assertSameChain(network, end.get("height").asLong());
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
