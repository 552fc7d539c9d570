package io.cairn.testnet.cli;

import io.cairn.testnet.layout.TestnetLayout;
import io.cairn.testnet.process.NodeProcesses;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kill}: SIGKILL one node, the crash a fault test wants (nothing flushed, no goodbye to peers). */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Kills one node with SIGKILL.")
final class KillCommand extends TestnetCommand {
    @Mixin
    NodeTarget target;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        TestnetLayout layout = readLayout(target.dir);
        int index = nodeIndex(layout, target.node);
        if (!new NodeProcesses(layout).kill(index)) {
            throw TestnetFailure.badInput("node " + index + " (" + layout.node(index).name() + ") is not running");
        }
        out.println("killed node " + index + " (" + layout.node(index).name() + ")");
        return CairnTestnet.OK;
    }
}
