package io.cairn.testnet.cli;

import io.cairn.testnet.layout.TestnetLayout;
import io.cairn.testnet.layout.TestnetLayout.NodeEntry;
import io.cairn.testnet.process.NodeJar;
import io.cairn.testnet.process.NodeProbe;
import io.cairn.testnet.process.NodeProcesses;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code up}: starts every node, waits until all are healthy, and shows where to reach them. */
@Command(name = "up", mixinStandardHelpOptions = true, description = {"Starts every node and waits until all are healthy.",
    "Without --dir: uses ./" + UpCommand.DEFAULT_DIR + " and creates a 4-node testnet there if it holds none."})
final class UpCommand extends TestnetCommand {
    static final String DEFAULT_DIR = "cairn-testnet";
    static final Duration HEALTHY_BOUND = Duration.ofSeconds(60);

    @Option(names = "--dir", description = "The testnet directory (default ./" + DEFAULT_DIR + ").")
    Path dir;

    @Option(names = "--detach", description = "Return once every node is healthy, leaving them running.")
    boolean detach;

    @Option(names = "--node-jar", description = "cairn-node.jar (default: $CAIRN_NODE_JAR, else node/target/cairn-node.jar of this build).")
    Path nodeJar;

    @Override
    int run(PrintWriter out, PrintWriter err) throws Exception {
        TestnetLayout layout = layoutOrDefault(out, err);
        Path jar = NodeJar.locate(Optional.ofNullable(nodeJar));
        NodeProcesses processes = new NodeProcesses(layout);
        List<Integer> all = IntStream.range(0, layout.nodes().size()).boxed().toList();
        refuseRemoteOrRunning(layout, processes);
        processes.requirePortsFree(all);
        List<Process> started = new ArrayList<>();
        AtomicBoolean stopping = new AtomicBoolean();
        Thread stopOnExit = new Thread(() -> {
            stopping.set(true);
            stopStarted(processes, err);
        }, "cairn-testnet-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            for (int node : all) {
                started.add(processes.start(node, jar));
            }
            processes.awaitHealthy(all, HEALTHY_BOUND, new NodeProbe());
        } catch (RuntimeException | java.io.IOException e) {
            processes.stopAll(NodeProcesses.STOP_GRACE);
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            throw e instanceof TestnetFailure failure ? failure : TestnetFailure.failed(e.getMessage(), e);
        }
        printTable(layout, started, out);
        if (detach) {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            out.println("running in the background; stop with: java -jar cairn-testnet.jar down --dir " + layout.dir());
            return CairnTestnet.OK;
        }
        out.println("press Ctrl-C to stop every node");
        out.flush();
        for (int i = 0; i < started.size(); i++) {
            int exit = started.get(i).waitFor();
            if (!stopping.get()) {
                err.println("node " + i + " exited with " + exit + "; see " + layout.logFile(i));
            }
        }
        return CairnTestnet.OK;
    }

    private TestnetLayout layoutOrDefault(PrintWriter out, PrintWriter err) {
        if (dir != null) {
            return readLayout(dir);
        }
        Path defaultDir = Path.of(DEFAULT_DIR).toAbsolutePath();
        if (!TestnetLayout.exists(defaultDir)) {
            out.println("no testnet in " + defaultDir + "; creating one with 4 nodes");
            int exit = new CommandLine(new InitCommand()).setOut(out).setErr(err)
                    .execute("--nodes", "4", "--dir", defaultDir.toString());
            if (exit != CairnTestnet.OK) {
                throw TestnetFailure.failed("could not create the default testnet in " + defaultDir);
            }
        }
        return readLayout(defaultDir);
    }

    private static void refuseRemoteOrRunning(TestnetLayout layout, NodeProcesses processes) {
        for (NodeEntry node : layout.nodes()) {
            if (!node.host().equals("127.0.0.1")) {
                throw TestnetFailure.badInput("the testnet in " + layout.dir() + " was created for several hosts (--hosts);"
                        + " start each node on its host: cairn-node run --config node-I/node.json");
            }
            Optional<ProcessHandle> running = processes.running(node.index());
            if (running.isPresent()) {
                throw TestnetFailure.badInput("node " + node.index() + " (" + node.name() + ") is already running (pid "
                        + running.get().pid() + "); see 'status --dir " + layout.dir() + "', or 'down' first");
            }
        }
    }

    private static void stopStarted(NodeProcesses processes, PrintWriter err) {
        List<Integer> stopped = processes.stopAll(NodeProcesses.STOP_GRACE);
        err.println("stopped nodes " + stopped);
        err.flush();
    }

    private static void printTable(TestnetLayout layout, List<Process> started, PrintWriter out) {
        out.printf("%-5s %-13s %-8s %-26s %s%n", "node", "name", "pid", "rpc", "explorer");
        for (NodeEntry node : layout.nodes()) {
            String rpc = node.rpcUri().toString();
            out.printf("%-5d %-13s %-8d %-26s %s%n", node.index(), node.name(), started.get(node.index()).pid(), rpc, rpc + "/");
        }
        out.flush();
    }
}
