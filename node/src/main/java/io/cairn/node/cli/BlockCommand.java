package io.cairn.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.node.client.ClientException;
import io.cairn.node.client.NodeClient.BlockReference;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code block get HEIGHT|HASH|latest}. */
@Command(name = "block", mixinStandardHelpOptions = true, description = "Look up committed blocks.",
        subcommands = BlockCommand.Get.class)
final class BlockCommand {

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Print a block (chain_getBlock): header, transactions and commit certificate.")
    static final class Get implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RpcOption rpc;

        @Parameters(index = "0", paramLabel = "HEIGHT|HASH|latest", converter = ArgumentTypes.Block.class,
                description = "a height, a block hash (64 hex characters) or 'latest'")
        BlockReference block;

        @Override
        public Integer call() throws ClientException {
            JsonNode found = rpc.node().block(block)
                    .orElseThrow(() -> new ClientException("block " + block + " not found"));
            PrettyJson.print(spec.commandLine().getOut(), found);
            return CairnNode.OK;
        }
    }
}
