package io.cairn.testnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code up}: placeholder until it is built. */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Starts every node and waits until all are healthy.")
final class UpCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("up is not built yet");
    }
}
