package io.cairn.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Permission;
import io.cairn.node.client.ClientException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tx transfer|put|grant|revoke|get}: sign and submit transactions, or look one up. */
@Command(name = "tx",
        mixinStandardHelpOptions = true,
        description = {"Sign transactions locally and submit them to a node, or look one up.",
            "Only the signed transaction is sent; the key file never leaves this machine."},
        subcommands = {TxCommand.Transfer.class, TxCommand.Put.class, TxCommand.Grant.class,
            TxCommand.Revoke.class, TxCommand.Get.class})
final class TxCommand {

    @Command(name = "transfer", mixinStandardHelpOptions = true,
            description = "Move an amount from the key's account to another account; prints the transaction hash.")
    static final class Transfer extends SendCommand {
        @Option(names = "--to", required = true, paramLabel = "ADDRESS", converter = ArgumentTypes.Address.class,
                description = "the recipient's address (public key in hex)")
        PublicKey to;

        @Option(names = "--amount", required = true, paramLabel = "N", description = "the amount, at least 1")
        long amount;

        @Override
        Operation operation() {
            if (amount < 1) {
                throw usage("--amount must be at least 1, got " + amount);
            }
            return new Operation.Transfer(to, amount);
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = {"Store a value under a key in the key's own namespace; prints the transaction hash.",
                "Keys are 1 to 256 bytes, values up to 16 KiB."})
    static final class Put extends SendCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        DataKey dataKey;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Value value;

        static final class DataKey {
            @Option(names = "--data-key", paramLabel = "HEX", description = "the key, in hex") String hex;
            @Option(names = "--data-key-text", paramLabel = "TEXT", description = "the key, as UTF-8 text") String text;
        }

        static final class Value {
            @Option(names = "--value", paramLabel = "HEX", description = "the value, in hex") String hex;
            @Option(names = "--value-text", paramLabel = "TEXT", description = "the value, as UTF-8 text") String text;
        }

        @Override
        Operation operation() {
            byte[] keyBytes = bytes("--data-key", dataKey.hex, dataKey.text);
            byte[] valueBytes = bytes("--value", value.hex, value.text);
            try {
                return new Operation.Put(keyBytes, valueBytes);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }

        private byte[] bytes(String option, String hex, String text) {
            if (text != null) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            try {
                return Hex.decode(hex);
            } catch (IllegalArgumentException e) {
                throw usage(option + ": " + e.getMessage());
            }
        }
    }

    /** The options of grant and revoke. */
    abstract static class PermissionCommand extends SendCommand {
        @Option(names = "--account", required = true, paramLabel = "ADDRESS", converter = ArgumentTypes.Address.class,
                description = "the account whose permission changes")
        PublicKey account;

        @Option(names = "--permission", required = true, paramLabel = "NAME",
                converter = ArgumentTypes.PermissionName.class, completionCandidates = ArgumentTypes.PermissionNames.class,
                description = "one of: ${COMPLETION-CANDIDATES}")
        Permission permission;
    }

    @Command(name = "grant", mixinStandardHelpOptions = true,
            description = "Give an account a permission (the key must be an admin's); prints the transaction hash.")
    static final class Grant extends PermissionCommand {
        @Override
        Operation operation() {
            return new Operation.Grant(account, permission);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Take a permission from an account (the key must be an admin's); prints the transaction hash.")
    static final class Revoke extends PermissionCommand {
        @Override
        Operation operation() {
            return new Operation.Revoke(account, permission);
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Print a transaction as the node knows it (tx_get): pending, or committed with its receipt.")
    static final class Get implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RpcOption rpc;

        @Parameters(index = "0", paramLabel = "HASH", converter = ArgumentTypes.HashValue.class,
                description = "the transaction hash, 64 hex characters")
        Hash hash;

        @Override
        public Integer call() throws ClientException {
            JsonNode transaction = rpc.node().transaction(hash)
                    .orElseThrow(() -> new ClientException("transaction " + hash.toHex() + " not found"));
            PrettyJson.print(spec.commandLine().getOut(), transaction);
            return CairnNode.OK;
        }
    }
}
