package io.cairn.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.PublicKey;
import io.cairn.node.client.ClientException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code account get ADDRESS}. */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Look up accounts.",
        subcommands = AccountCommand.Get.class)
final class AccountCommand {

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Print an account at the node's head (state_getAccount): balance, nonce, permissions.")
    static final class Get implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RpcOption rpc;

        @Parameters(index = "0", paramLabel = "ADDRESS", converter = ArgumentTypes.Address.class,
                description = "the account's address (its public key in hex)")
        PublicKey address;

        @Override
        public Integer call() throws ClientException {
            JsonNode account = rpc.node().account(address)
                    .orElseThrow(() -> new ClientException("account " + address.toHex() + " not found"));
            PrettyJson.print(spec.commandLine().getOut(), account);
            return CairnNode.OK;
        }
    }
}
