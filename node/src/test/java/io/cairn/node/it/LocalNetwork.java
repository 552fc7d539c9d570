package io.cairn.node.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.KeyFile;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.genesis.GenesisFile;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A network of real node processes on 127.0.0.1, started from the shaded jar the build just made:
 * one directory per node with its key, config, store and log. Validators and funded accounts are
 * the ledger test fixtures' ({@link TestKeys}).
 */
final class LocalNetwork implements AutoCloseable {
    static final int ACCOUNTS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final int size;
    private final int[] p2pPorts;
    private final int[] rpcPorts;
    private final Process[] processes;
    private final Genesis genesis;
    private List<String> jvmOptions = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private LocalNetwork(Path dir, int size, Genesis genesis) throws IOException {
        this.dir = dir;
        this.size = size;
        this.genesis = genesis;
        this.p2pPorts = freePorts(size);
        this.rpcPorts = freePorts(size);
        this.processes = new Process[size];
    }

    /**
     * Writes keys, genesis and configs for {@code size} validators under target/it-networks/{@code name}
     * (kept after the test, for its logs); {@code voteLogs} turns on each node's vote log.
     */
    static LocalNetwork create(String name, int size, boolean voteLogs) throws Exception {
        return create(name, size, voteLogs, ACCOUNTS);
    }

    static LocalNetwork create(String name, int size, boolean voteLogs, int accounts) throws Exception {
        return create(name, size, voteLogs, accounts, 2_000);
    }

    /** As above, with at most {@code blockTransactions} transactions per block. */
    static LocalNetwork create(String name, int size, boolean voteLogs, int accounts, int blockTransactions)
            throws Exception {
        Path dir = Paths.get("target", "it-networks", name).toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        ConsensusParams params = new ConsensusParams(blockTransactions, 4 * 1024 * 1024, ProtocolLimits.TRANSACTION_MAX_BYTES, 1_000);
        LocalNetwork network = new LocalNetwork(dir, size, TestGenesis.of(size, accounts, params));
        GenesisFile.write(dir.resolve("genesis.json"), network.genesis);
        for (int i = 0; i < size; i++) {
            Path home = network.home(i);
            Files.createDirectories(home);
            KeyFile.write(home.resolve("node.key"), TestKeys.validator(i));
            network.writeConfig(i, voteLogs);
        }
        return network;
    }

    /** The JVM options of node processes started from now on. */
    void jvmOptions(List<String> options) {
        jvmOptions = List.copyOf(options);
    }

    Genesis genesis() {
        return genesis;
    }

    int size() {
        return size;
    }

    Path home(int node) {
        return dir.resolve("node-" + node);
    }

    int p2pPort(int node) {
        return p2pPorts[node];
    }

    int rpcPort(int node) {
        return rpcPorts[node];
    }

    RpcClient rpc(int node) {
        return new RpcClient(rpcPorts[node]);
    }

    /** Rewrites every node's config with {@code limits} (the config file's section). */
    void limits(java.util.Map<String, Object> limits) throws IOException {
        for (int i = 0; i < size; i++) {
            ObjectNode config = (ObjectNode) JSON.readTree(home(i).resolve("node.json").toFile());
            config.set("limits", JSON.valueToTree(limits));
            JSON.writerWithDefaultPrettyPrinter().writeValue(home(i).resolve("node.json").toFile(), config);
        }
    }

    void writeConfig(int node, boolean voteLog) throws IOException {
        ObjectNode config = JSON.createObjectNode().put("key", "node.key").put("dataDir", "data")
                .put("genesis", "../genesis.json");
        ObjectNode p2p = config.putObject("p2p").put("listen", "127.0.0.1:" + p2pPorts[node]);
        ArrayNode peers = p2p.putArray("peers");
        for (int i = 0; i < size; i++) {
            if (i != node) {
                peers.add(genesis.validators().get(i).name() + "@127.0.0.1:" + p2pPorts[i]);
            }
        }
        config.putObject("rpc").put("listen", "127.0.0.1:" + rpcPorts[node]);
        ObjectNode consensus = config.putObject("consensus").put("tickMillis", 50);
        if (voteLog) {
            consensus.put("voteLog", "votes.log");
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(home(node).resolve("node.json").toFile(), config);
    }

    void startAll() throws IOException {
        for (int i = 0; i < size; i++) {
            start(i);
        }
        for (int i = 0; i < size; i++) {
            awaitUp(i);
        }
    }

    void start(int node) throws IOException {
        Path jar = Paths.get(System.getProperty("cairn.node.jar", "target/cairn-node.jar"));
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "run", "--config", "node.json"));
        processes[node] = new ProcessBuilder(command)
                .directory(home(node).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home(node).resolve("node.log").toFile()))
                .start();
    }

    void awaitUp(int node) {
        await("node " + node + " answers RPC").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!processes[node].isAlive()) {
                        throw new IllegalStateException("node " + node + " exited with " + processes[node].exitValue()
                                + "; its log:\n" + log(node));
                    }
                    return rpc(node).statusIfUp().isPresent();
                });
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill(int node) throws InterruptedException {
        processes[node].destroyForcibly();
        processes[node].waitFor(30, TimeUnit.SECONDS);
    }

    void restart(int node) throws IOException {
        start(node);
        awaitUp(node);
    }

    boolean isAlive(int node) {
        return processes[node] != null && processes[node].isAlive();
    }

    long pid(int node) {
        return processes[node].pid();
    }

    String log(int node) {
        try {
            return Files.readString(home(node).resolve("node.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The heights of the nodes that answer, by node; empty for a node that is down. */
    List<Optional<Long>> heights() {
        List<Optional<Long>> heights = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            heights.add(isAlive(i) ? rpc(i).statusIfUp().map(status -> status.get("height").asLong()) : Optional.empty());
        }
        return heights;
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

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
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
