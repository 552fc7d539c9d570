package io.cairn.testnet;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.Hex;
import io.cairn.crypto.KeyFile;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.genesis.GenesisFile;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.testnet.layout.TestnetLayout;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A testnet directory as {@code init} lays it out (testnet.json, genesis.json, node-I/ with
 * node.key and node.json including {@code testnet.adminListen}), and its node processes started
 * from the node jar (system property {@code cairn.node.jar}). The validators and funded accounts
 * are the ledger fixtures' ({@link TestKeys}); one account per submitted transfer stream.
 */
final class FaultNetwork implements AutoCloseable {
    static final int ACCOUNTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final TestnetLayout layout;
    private final Genesis genesis;
    private final Process[] processes;
    private final long[] nonces = new long[ACCOUNTS];

    private FaultNetwork(TestnetLayout layout, Genesis genesis) {
        this.layout = layout;
        this.genesis = genesis;
        this.processes = new Process[layout.nodes().size()];
    }

    /** Writes the testnet under target/it-networks/{@code name} (kept for its logs). */
    static FaultNetwork create(String name, int size) throws Exception {
        Path dir = Paths.get("target", "it-networks", name).toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        // A short view-change timeout so that a healed network finds a common view quickly.
        Genesis genesis = TestGenesis.of(size, ACCOUNTS,
                new ConsensusParams(2_000, 4 * 1024 * 1024, ProtocolLimits.TRANSACTION_MAX_BYTES, 1_000));
        int[] ports = freePorts(3 * size);
        List<TestnetLayout.NodeEntry> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(new TestnetLayout.NodeEntry(i, genesis.validators().get(i).name(), "127.0.0.1", ports[i],
                    ports[size + i], ports[2 * size + i]));
        }
        TestnetLayout layout = new TestnetLayout(dir, TestGenesis.CHAIN_ID, nodes, ACCOUNTS);
        layout.write();
        GenesisFile.write(layout.genesisFile(), genesis);
        FaultNetwork network = new FaultNetwork(layout, genesis);
        for (int i = 0; i < size; i++) {
            Files.createDirectories(layout.home(i));
            KeyFile.write(layout.home(i).resolve("node.key"), TestKeys.validator(i));
            network.writeConfig(i);
        }
        return network;
    }

    private void writeConfig(int node) throws IOException {
        TestnetLayout.NodeEntry self = layout.node(node);
        ObjectNode config = JSON.createObjectNode().put("key", "node.key").put("dataDir", "data")
                .put("genesis", "../genesis.json");
        ObjectNode p2p = config.putObject("p2p").put("listen", "127.0.0.1:" + self.p2pPort());
        ArrayNode peers = p2p.putArray("peers");
        for (TestnetLayout.NodeEntry other : layout.nodes()) {
            if (other.index() != node) {
                peers.add(other.name() + "@127.0.0.1:" + other.p2pPort());
            }
        }
        config.putObject("rpc").put("listen", "127.0.0.1:" + self.rpcPort());
        config.putObject("consensus").put("tickMillis", 50);
        config.putObject("testnet").put("adminListen", "127.0.0.1:" + self.adminPort());
        JSON.writerWithDefaultPrettyPrinter().writeValue(layout.home(node).resolve("node.json").toFile(), config);
    }

    Path dir() {
        return layout.dir();
    }

    int size() {
        return processes.length;
    }

    void startAll() throws IOException {
        Path jar = Paths.get(System.getProperty("cairn.node.jar", "../node/target/cairn-node.jar"));
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < size(); i++) {
            processes[i] = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", jar.toAbsolutePath().toString(), "run", "--config", "node.json")
                    .directory(layout.home(i).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logFile(i).toFile()))
                    .start();
        }
        for (int i = 0; i < size(); i++) {
            int node = i;
            await("node " + node + " answers RPC").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(() -> {
                        if (!processes[node].isAlive()) {
                            throw new IllegalStateException("node " + node + " exited; see " + layout.logFile(node));
                        }
                        return status(node).has("height");
                    });
        }
    }

    /** Submits a transfer from {@code account} to node {@code node}; returns its hash once admitted. */
    String transfer(int node, int account) throws IOException, InterruptedException {
        Transaction tx = Transaction.sign(TestGenesis.CHAIN_ID, TestKeys.account(account), nonces[account],
                new Operation.Transfer(TestKeys.account((account + 1) % ACCOUNTS).publicKey(), 1));
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
    public void close() throws InterruptedException {
        for (Process process : processes) {
            if (process != null) {
                process.destroy();
            }
        }
        for (Process process : processes) {
            if (process != null && !process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
        return ports;
    }
}
