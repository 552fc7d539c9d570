package io.cairn.testnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code down}: placeholder until it is built. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stops every node.")
final class DownCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("down is not built yet");
    }
}
