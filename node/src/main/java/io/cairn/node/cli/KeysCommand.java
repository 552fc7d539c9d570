package io.cairn.node.cli;

import io.cairn.crypto.KeyFile;
import io.cairn.crypto.KeyFileException;
import io.cairn.crypto.KeyPair;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keys new} and {@code keys show}: a node's Ed25519 key file. Only the public key is ever printed. */
@Command(name = "keys",
        mixinStandardHelpOptions = true,
        description = "Create or inspect a node key file (PKCS#8 PEM, as 'openssl genpkey -algorithm ed25519' writes).",
        subcommands = {KeysCommand.NewKey.class, KeysCommand.ShowKey.class})
final class KeysCommand {

    @Command(name = "new",
            mixinStandardHelpOptions = true,
            description = {"Generate a key, write it to a new file readable by its owner only (0600),",
                "and print its public key in hex: the validator's publicKey in genesis.",
                "An existing file is never overwritten."})
    static final class NewKey implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the key file to create")
        Path out;

        @Override
        public Integer call() throws KeyFileException {
            KeyPair key = KeyPair.generate();
            KeyFile.write(out, key);
            spec.commandLine().getOut().println(key.publicKey().toHex());
            return CairnNode.OK;
        }
    }

    @Command(name = "show",
            mixinStandardHelpOptions = true,
            description = "Print the public key of a key file in hex; the secret is never shown.")
    static final class ShowKey implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the key file to read")
        Path file;

        @Override
        public Integer call() throws KeyFileException {
            spec.commandLine().getOut().println(KeyFile.read(file).publicKey().toHex());
            return CairnNode.OK;
        }
    }
}
