package io.cairn.testnet.cli;

import io.cairn.testnet.layout.TestnetLayout;
import io.cairn.testnet.process.NodeProcesses;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code stop}: SIGTERM one node and wait for it to close its store (SIGKILL after a bound). */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops one node cleanly.")
final class StopCommand extends TestnetCommand {
    @Mixin
    NodeTarget target;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        TestnetLayout layout = readLayout(target.dir);
        int index = nodeIndex(layout, target.node);
        if (!new NodeProcesses(layout).stop(index, NodeProcesses.STOP_GRACE)) {
            throw TestnetFailure.badInput("node " + index + " (" + layout.node(index).name() + ") is not running");
        }
        out.println("stopped node " + index + " (" + layout.node(index).name() + ")");
        return CairnTestnet.OK;
    }
}
