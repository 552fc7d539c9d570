package io.cairn.testnet.cli;

import io.cairn.testnet.layout.TestnetLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The shape every lifecycle command shares: run, and turn a {@link TestnetFailure} into one line and an exit code. */
abstract class TestnetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try {
            return run(spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (TestnetFailure e) {
            spec.commandLine().getErr().println("cairn-testnet: " + e.getMessage());
            return e.exitCode();
        }
    }

    abstract int run(PrintWriter out, PrintWriter err) throws Exception;

    /** A node named by index ("2"), home ("node-2") or validator name ("validator-2"). */
    static int nodeIndex(TestnetLayout layout, String node) {
        for (TestnetLayout.NodeEntry entry : layout.nodes()) {
            if (node.equals(String.valueOf(entry.index())) || node.equals("node-" + entry.index())
                    || node.equals(entry.name())) {
                return entry.index();
            }
        }
        throw TestnetFailure.badInput("no node '" + node + "' in " + layout.dir() + ": give an index 0.."
                + (layout.nodes().size() - 1) + " or a name such as " + layout.nodes().get(0).name());
    }

    static TestnetLayout readLayout(Path dir) {
        try {
            return TestnetLayout.read(dir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw TestnetFailure.badInput(e.getMessage());
        }
    }
}
