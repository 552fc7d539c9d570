package io.cairn.testnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.Hex;
import io.cairn.crypto.KeyFile;
import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.testnet.init.TestnetSpec;
import io.cairn.testnet.layout.TestnetLayout;
import io.cairn.testnet.process.NodeProbe;
import io.cairn.testnet.process.NodeProcesses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A local testnet for the fault tests, made and run by the testnet's own {@code init} and process
 * handling (so its configs carry the loopback fault-injection admin), under
 * target/it-networks/NAME (kept for the logs), with a small client for what the tests ask of it.
 */
final class FaultNetwork implements AutoCloseable {
    static final int ACCOUNTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final TestnetLayout layout;
    private final NodeProcesses processes;
    private final KeyPair[] accounts = new KeyPair[ACCOUNTS];
    private final long[] nonces = new long[ACCOUNTS];

    private FaultNetwork(TestnetLayout layout) throws Exception {
        this.layout = layout;
        this.processes = new NodeProcesses(layout);
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts[i] = KeyFile.read(layout.accountKey(i));
        }
    }

    static FaultNetwork create(String name, int size) throws Exception {
        Path dir = Paths.get("target", "it-networks", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return new FaultNetwork(new TestnetSpec(dir, size, Optional.empty(), ACCOUNTS, List.of()).create());
    }

    Path dir() {
        return layout.dir();
    }

    int size() {
        return layout.nodes().size();
    }

    void startAll() throws IOException {
        Path jar = Paths.get(System.getProperty("cairn.node.jar", "../node/target/cairn-node.jar"));
        List<Integer> all = IntStream.range(0, size()).boxed().toList();
        for (int node : all) {
            processes.start(node, jar);
        }
        processes.awaitHealthy(all, Duration.ofSeconds(60), new NodeProbe());
    }

    /** Submits a transfer from {@code account} to node {@code node}; returns its hash once admitted. */
    String transfer(int node, int account) throws IOException, InterruptedException {
        Transaction tx = Transaction.sign(layout.chainId(), accounts[account], nonces[account],
                new Operation.Transfer(accounts[(account + 1) % ACCOUNTS].publicKey(), 1));
        JsonNode response = call(node, "tx_submit", Map.of("tx", Hex.encode(tx.encode())));
        if (!response.has("result")) {
            throw new IllegalStateException("node " + node + " did not admit the transfer: " + response);
        }
        nonces[account]++;
        return response.get("result").get("hash").asText();
    }

    JsonNode status(int node) throws IOException, InterruptedException {
        return call(node, "node_status", Map.of()).get("result");
    }

    long height(int node) throws IOException, InterruptedException {
        return status(node).get("height").asLong();
    }

    String headHash(int node) throws IOException, InterruptedException {
        return status(node).get("headHash").asText();
    }

    String blockHash(int node, long height) throws IOException, InterruptedException {
        return call(node, "chain_getBlock", Map.of("height", height)).get("result").get("hash").asText();
    }

    boolean committed(int node, String tx) throws IOException, InterruptedException {
        JsonNode result = call(node, "tx_get", Map.of("hash", tx)).get("result");
        return result != null && !result.isNull() && "committed".equals(result.get("status").asText());
    }

    private JsonNode call(int node, String method, Map<String, Object> params)
            throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        request.set("params", JSON.valueToTree(params));
        URI uri = URI.create(layout.node(node).rpcUri() + "/rpc");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        processes.stopAll(NodeProcesses.STOP_GRACE);
    }
}
