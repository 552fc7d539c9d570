package io.cairn.testnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code restart}: placeholder until it is built. */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Restarts one node.")
final class RestartCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("restart is not built yet");
    }
}
