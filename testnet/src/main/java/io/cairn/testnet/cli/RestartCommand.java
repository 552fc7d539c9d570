package io.cairn.testnet.cli;

import io.cairn.testnet.layout.TestnetLayout;
import io.cairn.testnet.process.NodeJar;
import io.cairn.testnet.process.NodeProbe;
import io.cairn.testnet.process.NodeProcesses;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code restart}: stop one node if it runs, start it again in the background, wait until it is healthy. */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Restarts one node.")
final class RestartCommand extends TestnetCommand {
    @Option(names = "--dir", defaultValue = UpCommand.DEFAULT_DIR, description = "The testnet directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--node-jar", description = "cairn-node.jar (default: $CAIRN_NODE_JAR, else node/target/cairn-node.jar of this build).")
    Path nodeJar;

    @Parameters(paramLabel = "NODE", description = "Index (2), home (node-2) or validator name (validator-2).")
    String node;

    @Override
    int run(PrintWriter out, PrintWriter err) throws Exception {
        TestnetLayout layout = readLayout(dir);
        int index = nodeIndex(layout, node);
        Path jar = NodeJar.locate(Optional.ofNullable(nodeJar));
        NodeProcesses processes = new NodeProcesses(layout);
        processes.stop(index, NodeProcesses.STOP_GRACE);
        processes.requirePortsFree(List.of(index));
        Process process = processes.start(index, jar);
        processes.awaitHealthy(List.of(index), UpCommand.HEALTHY_BOUND, new NodeProbe());
        out.println("restarted node " + index + " (" + layout.node(index).name() + "), pid " + process.pid()
                + ", " + layout.node(index).rpcUri());
        return CairnTestnet.OK;
    }
}
