package io.cairn.testnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code partition}: placeholder until it is built. */
@Command(name = "partition", mixinStandardHelpOptions = true, description = "Cuts p2p links between groups of nodes.")
final class PartitionCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("partition is not built yet");
    }
}
