package io.cairn.testnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kill}: placeholder until it is built. */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Kills one node with SIGKILL.")
final class KillCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("kill is not built yet");
    }
}
