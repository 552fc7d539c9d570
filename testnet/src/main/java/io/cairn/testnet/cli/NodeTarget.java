package io.cairn.testnet.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of a command aimed at one node of a testnet: {@code --dir DIR NODE}. */
final class NodeTarget {
    @Option(names = "--dir", defaultValue = UpCommand.DEFAULT_DIR, description = "The testnet directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Parameters(paramLabel = "NODE", description = "Index (2), home (node-2) or validator name (validator-2).")
    String node;
}
