package io.cairn.testnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code init}: placeholder until it is built. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Creates a testnet")
final class InitCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("init is not built yet");
    }
}
