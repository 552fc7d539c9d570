package io.cairn.testnet.cli;

import io.cairn.testnet.faults.FaultAdminClient;
import io.cairn.testnet.faults.Partition;
import io.cairn.testnet.layout.TestnetLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code partition --dir DIR 0,1 2,3}: each node stops talking to every node outside its group,
 * through its test-only fault-injection admin (docs/node-config.md, {@code testnet.adminListen}).
 */
@Command(name = "partition", mixinStandardHelpOptions = true,
        description = "Cuts p2p links between groups of nodes (every node in exactly one group), until 'heal'.")
final class PartitionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, description = "The testnet's directory.")
    Path dir;

    @Parameters(arity = "2..*", paramLabel = "GROUP", description = "Comma-separated node numbers, e.g. 0,1 2,3.")
    List<String> groups;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TestnetLayout layout;
        Partition partition;
        try {
            layout = TestnetLayout.read(dir);
            partition = Partition.parse(groups, layout.nodes().size());
        } catch (IOException | IllegalArgumentException e) {
            err.println("partition: " + e.getMessage());
            return CairnTestnet.BAD_INPUT;
        }
        FaultAdminClient admin = new FaultAdminClient();
        boolean allDone = true;
        for (TestnetLayout.NodeEntry node : layout.nodes()) {
            try {
                Set<Integer> isolated = admin.isolate(node.adminPort(), partition.cutOffFrom(node.index()));
                out.println("node " + node.index() + ": cut off from nodes " + isolated);
            } catch (IOException e) {
                err.println("partition: node " + node.index() + ": " + e.getMessage());
                allDone = false;
            }
        }
        out.println(allDone ? "partitioned: " + partition : "partly partitioned: " + partition + " (see errors above)");
        return allDone ? CairnTestnet.OK : CairnTestnet.FAILED;
    }
}
