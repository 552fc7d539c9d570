package io.cairn.node.cli;

import io.cairn.crypto.KeyFileException;
import io.cairn.ledger.genesis.GenesisException;
import io.cairn.node.client.InputFileException;
import io.cairn.node.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code cairn-node} command: the node ({@code run}, {@code keys}) and its client ({@code tx},
 * {@code block}, {@code account}, {@code verify-proof}; docs/client.md). Exit codes: 0 done, 2 bad
 * usage or a bad config, key, genesis or input file (fix the input and retry), 1 the node failed
 * while running, or a client call failed (node unreachable or refusing, not found, a wait timed
 * out, a proof not verified). An error is one line on stderr,
 * {@code cairn-node: <message>}; only a bug (an unexpected runtime exception) adds a stack trace.
 */
@Command(name = "cairn-node",
        mixinStandardHelpOptions = true,
        versionProvider = CairnNode.Version.class,
        description = "A validator node of a Cairn chain, and a client of its JSON-RPC API.",
        subcommands = {RunCommand.class, KeysCommand.class, TxCommand.class, BlockCommand.class,
            AccountCommand.class, VerifyProofCommand.class})
public final class CairnNode {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    public static void main(String... args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return execute(out, err, args);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new CairnNode())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(CairnNode::usageError)
                .setExecutionExceptionHandler(CairnNode::failure);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        // picocli starts some messages with "Error: "; the line already says it is one.
        commandLine.getErr().println("cairn-node: " + describe(e).replaceFirst("^Error: ", "")
                + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')");
        return BAD_INPUT;
    }

    private static int failure(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof ConfigException || e instanceof KeyFileException || e instanceof GenesisException
                || e instanceof InputFileException) {
            err.println("cairn-node: " + e.getMessage());
            return BAD_INPUT;
        }
        err.println("cairn-node: " + describe(e));
        if (e instanceof RuntimeException) {
            e.printStackTrace(err); // not an expected failure: a bug, whose trace the report needs
        }
        return FAILED;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getName() : message.lines().findFirst().orElse("");
    }

    /** The version from the jar's Maven metadata; classes run from a build directory have none. */
    static final class Version implements IVersionProvider {
        private static final String POM_PROPERTIES = "/META-INF/maven/io.cairn/cairn-node/pom.properties";

        @Override
        public String[] getVersion() {
            return new String[] {"cairn-node " + version()};
        }

        static String version() {
            try (InputStream in = CairnNode.class.getResourceAsStream(POM_PROPERTIES)) {
                if (in == null) {
                    return "(development build)";
                }
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "(unknown version)");
            } catch (IOException e) {
                return "(unknown version)";
            }
        }
    }
}
