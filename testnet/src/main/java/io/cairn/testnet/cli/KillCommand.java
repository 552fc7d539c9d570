package io.cairn.testnet.cli;

import io.cairn.testnet.layout.TestnetLayout;
import io.cairn.testnet.process.NodeProcesses;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kill}: SIGKILL one node, the crash a fault test wants (nothing flushed, no goodbye to peers). */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Kills one node with SIGKILL.")
final class KillCommand extends TestnetCommand {
    @Option(names = "--dir", defaultValue = UpCommand.DEFAULT_DIR, description = "The testnet directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Parameters(paramLabel = "NODE", description = "Index (2), home (node-2) or validator name (validator-2).")
    String node;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        TestnetLayout layout = readLayout(dir);
        int index = nodeIndex(layout, node);
        if (!new NodeProcesses(layout).kill(index)) {
            throw TestnetFailure.badInput("node " + index + " (" + layout.node(index).name() + ") is not running");
        }
        out.println("killed node " + index + " (" + layout.node(index).name() + ")");
        return CairnTestnet.OK;
    }
}
