package io.cairn.testnet.cli;

import io.cairn.testnet.faults.FaultAdminClient;
import io.cairn.testnet.layout.TestnetLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heal --dir DIR}: every node talks to every node again (ends a {@code partition}). */
@Command(name = "heal", mixinStandardHelpOptions = true, description = "Restores every p2p link.")
final class HealCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, description = "The testnet's directory.")
    Path dir;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TestnetLayout layout;
        try {
            layout = TestnetLayout.read(dir);
        } catch (IOException e) {
            err.println("heal: " + e.getMessage());
            return CairnTestnet.BAD_INPUT;
        }
        FaultAdminClient admin = new FaultAdminClient();
        boolean allDone = true;
        for (TestnetLayout.NodeEntry node : layout.nodes()) {
            try {
                admin.heal(node.adminPort());
                out.println("node " + node.index() + ": healed");
            } catch (IOException e) {
                err.println("heal: node " + node.index() + ": " + e.getMessage());
                allDone = false;
            }
        }
        out.println(allDone ? "healed: every node connects to every node" : "partly healed (see errors above)");
        return allDone ? CairnTestnet.OK : CairnTestnet.FAILED;
    }
}
