package io.cairn.testnet.cli;

import io.cairn.testnet.layout.TestnetLayout;
import io.cairn.testnet.process.NodeProcesses;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code down}: stop every running node cleanly. Nothing running is not an error. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stops every node.")
final class DownCommand extends TestnetCommand {
    @Option(names = "--dir", defaultValue = UpCommand.DEFAULT_DIR, description = "The testnet directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        TestnetLayout layout = readLayout(dir);
        List<Integer> stopped = new NodeProcesses(layout).stopAll(NodeProcesses.STOP_GRACE);
        out.println(stopped.isEmpty() ? "no node was running" : "stopped nodes " + stopped);
        return CairnTestnet.OK;
    }
}
