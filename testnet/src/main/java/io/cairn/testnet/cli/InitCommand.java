package io.cairn.testnet.cli;

import io.cairn.testnet.init.TestnetSpec;
import io.cairn.testnet.layout.TestnetLayout;
import io.cairn.testnet.process.NodeProcesses;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code init}: keys, genesis and one config per node, in a new testnet directory. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Creates a testnet: validator keys, one genesis,"
        + " funded accounts and one config per node.")
final class InitCommand extends TestnetCommand {
    @Option(names = "--nodes", defaultValue = "4", description = "Number of validators (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--dir", defaultValue = UpCommand.DEFAULT_DIR, description = "The testnet directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--base-port", description = "Node i uses p2p P+2i, RPC P+2i+1, admin P+2N+i (default: free ports).")
    Integer basePort;

    @Option(names = "--accounts", defaultValue = "64", description = "Funded accounts for the load generator (default ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--hosts", split = ",", description = "One host per node, for nodes on different machines.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--force", description = "Replace a testnet already in DIR (deletes its keys, chain and logs).")
    boolean force;

    @Override
    int run(PrintWriter out, PrintWriter err) throws IOException {
        TestnetSpec spec = new TestnetSpec(dir, nodes, Optional.ofNullable(basePort), accounts, hosts);
        if (force && TestnetSpec.holdsTestnet(spec.dir())) {
            deleteTestnet(spec.dir());
        }
        TestnetLayout layout = spec.create();
        out.println("created a " + nodes + "-node testnet in " + layout.dir() + " (chain " + layout.chainId() + ", "
                + accounts + " funded accounts in " + layout.dir().resolve("accounts") + ")");
        for (TestnetLayout.NodeEntry node : layout.nodes()) {
            out.println("  node " + node.index() + "  " + node.name() + "  p2p " + node.host() + ":" + node.p2pPort()
                    + "  rpc " + node.rpcUri());
        }
        return CairnTestnet.OK;
    }

    /** Deletes what init wrote, after making sure no node of it is still running. */
    private static void deleteTestnet(Path dir) throws IOException {
        if (TestnetLayout.exists(dir)) {
            TestnetLayout old = readLayout(dir);
            NodeProcesses processes = new NodeProcesses(old);
            for (int i = 0; i < old.nodes().size(); i++) {
                if (processes.running(i).isPresent()) {
                    throw TestnetFailure.badInput("node " + i + " of the testnet in " + dir
                            + " is still running; stop it first with 'down --dir " + dir + "'");
                }
            }
        }
        List<Path> owned = new ArrayList<>(List.of(dir.resolve(TestnetLayout.FILE), dir.resolve("genesis.json"),
                dir.resolve("accounts")));
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(p -> p.getFileName().toString().matches("node-\\d+")).forEach(owned::add);
        }
        for (Path path : owned) {
            deleteRecursively(path);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
