package io.cairn.testnet.layout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A testnet's directory, as {@code init} writes it and every other command reads it:
 * <pre>
 *   DIR/testnet.json          this record: chain id and one entry per node
 *   DIR/genesis.json          the chain's genesis
 *   DIR/accounts/account-K.key  funded, permitted accounts for the load generator (PKCS#8, 0600)
 *   DIR/node-I/               node I's home: node.key, node.json (its config), data/, node.log, node.pid
 * </pre>
 */
public record TestnetLayout(Path dir, String chainId, List<NodeEntry> nodes, int accounts) {
    public static final String FILE = "testnet.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public TestnetLayout {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(chainId, "chainId");
        nodes = List.copyOf(nodes);
    }

    /**
     * One node of the testnet.
     *
     * @param host where its p2p and RPC listen (127.0.0.1 for a local testnet)
     * @param adminPort the loopback-only fault-injection port of a node started for a testnet
     */
    public record NodeEntry(int index, String name, String host, int p2pPort, int rpcPort, int adminPort) {
        public URI rpcUri() {
            return URI.create("http://" + host + ":" + rpcPort);
        }
    }

    public Path home(int node) {
        return dir.resolve("node-" + node);
    }

    public Path genesisFile() {
        return dir.resolve("genesis.json");
    }

    public Path accountKey(int account) {
        return dir.resolve("accounts").resolve("account-" + account + ".key");
    }

    public Path pidFile(int node) {
        return home(node).resolve("node.pid");
    }

    public Path logFile(int node) {
        return home(node).resolve("node.log");
    }

    public NodeEntry node(int index) {
        if (index < 0 || index >= nodes.size()) {
            throw new IllegalArgumentException("no node " + index + ": this testnet has nodes 0.." + (nodes.size() - 1));
        }
        return nodes.get(index);
    }

    public static boolean exists(Path dir) {
        return Files.exists(dir.resolve(FILE));
    }

    public static TestnetLayout read(Path dir) throws IOException {
        try {
            Stored stored = JSON.readValue(dir.resolve(FILE).toFile(), Stored.class);
            return new TestnetLayout(dir, stored.chainId(), stored.nodes(), stored.accounts());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException(dir + " holds no testnet (no " + FILE + "); create one with 'init --dir " + dir + "'");
        }
    }

    public void write() throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve(FILE).toFile(), new Stored(chainId, nodes, accounts));
    }

    private record Stored(String chainId, List<NodeEntry> nodes, int accounts) {}
}
