package io.cairn.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Bounded waits and checks over the whole network that several tests share. */
final class Convergence {
    private Convergence() {}

    /** Waits until every transaction in {@code hashes} is committed on every node in {@code nodes}. */
    static void awaitCommitted(LocalNetwork network, List<String> hashes, Duration bound, int... nodes) {
        for (int node : nodes) {
            await("node " + node + " commits " + hashes.size() + " transactions").atMost(bound)
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        for (String hash : hashes) {
                            if (!network.rpc(node).txStatus(hash).filter("committed"::equals).isPresent()) {
                                return false;
                            }
                        }
                        return true;
                    });
        }
    }

    /** Waits until every node reports the same height, head hash and state root; returns that status. */
    static JsonNode awaitSameHead(LocalNetwork network, Duration bound) {
        List<JsonNode> agreed = new ArrayList<>();
        await("every node at the same head").atMost(bound).pollInterval(Duration.ofMillis(200)).until(() -> {
            Set<String> heads = new HashSet<>();
            JsonNode any = null;
            for (int i = 0; i < network.size(); i++) {
                JsonNode status = network.rpc(i).status();
                heads.add(status.get("height").asLong() + "/" + status.get("headHash").asText() + "/"
                        + status.get("stateRoot").asText());
                any = status;
            }
            agreed.clear();
            agreed.add(any);
            return heads.size() == 1;
        });
        return agreed.get(0);
    }

    /** Asserts that all nodes hold the same block hash and state root at every height up to {@code height}. */
    static void assertSameChain(LocalNetwork network, long height) throws IOException, InterruptedException {
        for (long h = 1; h <= height; h++) {
            JsonNode reference = network.rpc(0).block(h);
            for (int i = 1; i < network.size(); i++) {
                JsonNode block = network.rpc(i).block(h);
                assertThat(block.get("hash").asText()).as("block %d on node %d", h, i)
                        .isEqualTo(reference.get("hash").asText());
                assertThat(block.get("header").get("stateRoot").asText()).as("state root %d on node %d", h, i)
                        .isEqualTo(reference.get("header").get("stateRoot").asText());
            }
        }
    }
}
