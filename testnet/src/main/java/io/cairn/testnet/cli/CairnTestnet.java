package io.cairn.testnet.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cairn-testnet}: run a whole Cairn network on this machine, break it, and measure it. */
@Command(name = "cairn-testnet", mixinStandardHelpOptions = true, versionProvider = CairnTestnet.Version.class,
        description = "Runs a local Cairn network of real node processes, injects faults, and benchmarks it.",
        subcommands = {InitCommand.class, UpCommand.class, StatusCommand.class, KillCommand.class, StopCommand.class,
            RestartCommand.class, DownCommand.class, PartitionCommand.class, HealCommand.class, BenchCommand.class})
public final class CairnTestnet {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line, writing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new CairnTestnet());
        line.setOut(out);
        line.setErr(err);
        return line.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CairnTestnet.class.getPackage().getImplementationVersion();
            return new String[] {"cairn-testnet " + (version == null ? "(development build)" : version)};
        }
    }
}
