package io.cairn.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Four validator processes over real sockets agree on every block. */
class NetworkCommitIT {

    @Test
    void transactionsSubmittedToDifferentNodesAreCommittedIdenticallyEverywhere() throws Exception {
        try (LocalNetwork network = LocalNetwork.create("commit", 4, false)) {
            network.startAll();
            Transfers transfers = new Transfers(network);
            assertThat(transfers.submit(400, 0, 1, 2, 3)).isEqualTo(400);

            Convergence.awaitCommitted(network, transfers.admitted(), Duration.ofSeconds(60), 0, 1, 2, 3);
            JsonNode head = Convergence.awaitSameHead(network, Duration.ofSeconds(30));
            assertThat(head.get("height").asLong()).isPositive();
            Convergence.assertSameChain(network, head.get("height").asLong());
            assertThat(head.get("mempoolSize").asInt()).isZero();
            // Gossip carried what node 0 admitted to the other primaries: some of it sits in blocks
            // that another validator proposed.
            String nodeZero = network.genesis().validators().get(0).publicKey().toHex();
            Set<String> proposers = new HashSet<>();
            for (String hash : transfers.admittedBy(0)) {
                long height = network.rpc(0).result("tx_get", Map.of("hash", hash)).get("height").asLong();
                proposers.add(network.rpc(0).block(height).get("header").get("proposer").asText());
            }
            assertThat(proposers).anyMatch(proposer -> !proposer.equals(nodeZero));
        }
    }

    @Test
    void anIdleNetworkMakesNoEmptyBlocks() throws Exception {
        try (LocalNetwork network = LocalNetwork.create("idle", 4, false)) {
            network.startAll();
            Transfers transfers = new Transfers(network);
            transfers.submit(1, 2);
            Convergence.awaitCommitted(network, transfers.admitted(), Duration.ofSeconds(30), 0, 1, 2, 3);
            long height = Convergence.awaitSameHead(network, Duration.ofSeconds(30)).get("height").asLong();
            assertThat(height).isEqualTo(1);
            // Several view-change timeouts later, still one block: idle validators neither propose nor
            // change views. (Awaiting "nothing happens" needs a window; this one is three timeouts.)
            org.awaitility.Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> network.rpc(0).height() == 1 && network.rpc(3).status().get("view").asLong() == 0);
        }
    }
}
