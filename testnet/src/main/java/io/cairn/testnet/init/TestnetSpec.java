package io.cairn.testnet.init;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.KeyFile;
import io.cairn.crypto.KeyFileException;
import io.cairn.crypto.KeyPair;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.GenesisAccount;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Validator;
import io.cairn.ledger.genesis.GenesisException;
import io.cairn.ledger.genesis.GenesisFile;
import io.cairn.testnet.cli.TestnetFailure;
import io.cairn.testnet.layout.TestnetLayout;
import io.cairn.testnet.layout.TestnetLayout.NodeEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * What {@code init} creates: {@code nodes} validators with their keys and configs, one genesis, an
 * admin and {@code accounts} funded accounts. {@code hosts} empty means every node on 127.0.0.1;
 * otherwise node i runs on {@code hosts[i]} and listens on all interfaces.
 */
public record TestnetSpec(Path dir, int nodes, Optional<Integer> basePort, int accounts, List<String> hosts) {
    public static final String CHAIN_ID = "cairn-local";
    public static final long ACCOUNT_BALANCE = 1_000_000_000_000L;
    /** Remote nodes each have their own port space; this is where their ports start when none is given. */
    public static final int DEFAULT_REMOTE_BASE_PORT = 26_600;
    static final long VIEW_CHANGE_TIMEOUT_MILLIS = 1_000;
    static final int TICK_MILLIS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    public TestnetSpec {
        dir = dir.toAbsolutePath().normalize();
        hosts = List.copyOf(hosts);
        if (nodes < 1 || nodes > 64) {
            throw TestnetFailure.badInput("--nodes " + nodes + ": must be 1 to 64");
        }
        if (accounts < 0 || accounts > 100_000) {
            throw TestnetFailure.badInput("--accounts " + accounts + ": must be 0 to 100000");
        }
        if (!hosts.isEmpty() && hosts.size() != nodes) {
            throw TestnetFailure.badInput("--hosts names " + hosts.size() + " hosts for " + nodes
                    + " nodes; give one host per node");
        }
    }

    /** Writes the whole testnet; refuses (changing nothing) if {@code dir} already holds one. */
    public TestnetLayout create() {
        refuseExisting(dir);
        try {
            return write();
        } catch (IOException | KeyFileException | GenesisException e) {
            throw TestnetFailure.failed("cannot create the testnet in " + dir + ": " + e.getMessage(), e);
        }
    }

    private TestnetLayout write() throws IOException, KeyFileException, GenesisException {
        PortPlan ports = hosts.isEmpty()
                ? basePort.map(p -> PortPlan.fromBase(nodes, p, true)).orElseGet(() -> PortPlan.free(nodes))
                : PortPlan.fromBase(nodes, basePort.orElse(DEFAULT_REMOTE_BASE_PORT), false);
        List<NodeEntry> entries = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            String host = hosts.isEmpty() ? "127.0.0.1" : hosts.get(i);
            entries.add(new NodeEntry(i, "validator-" + i, host, ports.p2p()[i], ports.rpc()[i], ports.admin()[i]));
        }
        TestnetLayout layout = new TestnetLayout(dir, CHAIN_ID, entries, accounts);
        Files.createDirectories(dir.resolve("accounts"));
        List<Validator> validators = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Files.createDirectories(layout.home(i));
            KeyPair key = KeyPair.generate();
            KeyFile.write(layout.home(i).resolve("node.key"), key);
            validators.add(new Validator(entries.get(i).name(), key.publicKey()));
        }
        KeyPair admin = KeyPair.generate();
        KeyFile.write(adminKey(dir), admin);
        List<GenesisAccount> funded = new ArrayList<>();
        EnumSet<Permission> permitted = EnumSet.of(Permission.TRANSFER, Permission.PUT);
        funded.add(new GenesisAccount(admin.publicKey(), ACCOUNT_BALANCE, permitted));
        for (int k = 0; k < accounts; k++) {
            KeyPair account = KeyPair.generate();
            KeyFile.write(layout.accountKey(k), account);
            funded.add(new GenesisAccount(account.publicKey(), ACCOUNT_BALANCE, permitted));
        }
        ConsensusParams defaults = ConsensusParams.DEFAULTS;
        ConsensusParams params = new ConsensusParams(defaults.maxBlockTransactions(), defaults.maxBlockBytes(),
                defaults.maxTransactionBytes(), VIEW_CHANGE_TIMEOUT_MILLIS);
        Genesis genesis = new Genesis(CHAIN_ID, System.currentTimeMillis(), params, validators,
                List.of(admin.publicKey()), funded);
        GenesisFile.write(layout.genesisFile(), genesis);
        for (int i = 0; i < nodes; i++) {
            writeConfig(layout, i);
        }
        layout.write();
        return layout;
    }

    public static Path adminKey(Path dir) {
        return dir.resolve("accounts").resolve("admin.key");
    }

    /** A directory holds a testnet if it has any file {@code init} writes at its top level. */
    public static boolean holdsTestnet(Path dir) {
        return Files.exists(dir.resolve(TestnetLayout.FILE)) || Files.exists(dir.resolve("genesis.json"))
                || Files.exists(dir.resolve("accounts")) || Files.exists(dir.resolve("node-0"));
    }

    private static void refuseExisting(Path dir) {
        if (holdsTestnet(dir)) {
            throw TestnetFailure.badInput(dir + " already holds a testnet; use --force to replace it"
                    + " (its keys, chain and logs are deleted)");
        }
    }

    private void writeConfig(TestnetLayout layout, int node) throws IOException {
        NodeEntry self = layout.node(node);
        String listenHost = hosts.isEmpty() ? "127.0.0.1" : "0.0.0.0";
        ObjectNode config = JSON.createObjectNode().put("key", "node.key").put("dataDir", "data")
                .put("genesis", "../genesis.json");
        ObjectNode p2p = config.putObject("p2p").put("listen", listenHost + ":" + self.p2pPort());
        ArrayNode peers = p2p.putArray("peers");
        for (NodeEntry peer : layout.nodes()) {
            if (peer.index() != node) {
                peers.add(peer.name() + "@" + peer.host() + ":" + peer.p2pPort());
            }
        }
        config.putObject("rpc").put("listen", listenHost + ":" + self.rpcPort());
        config.putObject("consensus").put("tickMillis", TICK_MILLIS);
        if (hosts.isEmpty()) {
            // Fault injection for `partition`/`heal`: only on a local testnet, on loopback only.
            config.putObject("testnet").put("adminListen", "127.0.0.1:" + self.adminPort());
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(layout.home(node).resolve("node.json").toFile(), config);
    }
}
