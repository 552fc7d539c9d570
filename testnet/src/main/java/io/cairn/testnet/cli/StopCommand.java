package io.cairn.testnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code stop}: placeholder until it is built. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops one node cleanly.")
final class StopCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("stop is not built yet");
    }
}
