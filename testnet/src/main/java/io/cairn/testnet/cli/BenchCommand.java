package io.cairn.testnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bench}: placeholder until it is built. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measures the network under load.")
final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench is not built yet");
    }
}
