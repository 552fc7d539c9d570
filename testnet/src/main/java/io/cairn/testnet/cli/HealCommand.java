package io.cairn.testnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code heal}: placeholder until it is built. */
@Command(name = "heal", mixinStandardHelpOptions = true, description = "Restores every p2p link.")
final class HealCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("heal is not built yet");
    }
}
