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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code restart}: stop one node if it runs, start it again in the background, wait until it is healthy. */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Restarts one node.")
final class RestartCommand extends TestnetCommand {
    @Mixin
    NodeTarget target;

    @Option(names = "--node-jar", description = "cairn-node.jar (default: $CAIRN_NODE_JAR, else node/target/cairn-node.jar of this build).")
    Path nodeJar;

    @Override
    int run(PrintWriter out, PrintWriter err) throws Exception {
        TestnetLayout layout = readLayout(target.dir);
        int index = nodeIndex(layout, target.node);
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
