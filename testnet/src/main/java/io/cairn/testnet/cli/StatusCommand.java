package io.cairn.testnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code status}: placeholder until it is built. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows each node's state.")
final class StatusCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("status is not built yet");
    }
}
