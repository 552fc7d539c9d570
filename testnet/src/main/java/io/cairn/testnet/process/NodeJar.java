package io.cairn.testnet.process;

import io.cairn.testnet.cli.TestnetFailure;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds cairn-node.jar: --node-jar, else $CAIRN_NODE_JAR, else the repository's node/target next to this jar. */
public final class NodeJar {
    public static final String ENV = "CAIRN_NODE_JAR";

    private NodeJar() {}

    public static Path locate(Optional<Path> option) {
        if (option.isPresent()) {
            return existing(option.get(), "--node-jar");
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return existing(Path.of(env), "$" + ENV);
        }
        Optional<Path> beside = besideThisJar();
        if (beside.isPresent() && Files.isRegularFile(beside.get())) {
            return beside.get();
        }
        throw TestnetFailure.badInput("cannot find cairn-node.jar: give --node-jar PATH or set " + ENV
                + (beside.map(p -> " (looked for " + p + ")").orElse("")) + "; build it with 'mvn -q -DskipTests package'");
    }

    private static Path existing(Path jar, String source) {
        if (!Files.isRegularFile(jar)) {
            throw TestnetFailure.badInput(source + ": " + jar + " is not a file");
        }
        return jar.toAbsolutePath().normalize();
    }

    /** testnet/target/cairn-testnet.jar → node/target/cairn-node.jar, the layout of a built clone. */
    private static Optional<Path> besideThisJar() {
        try {
            var source = NodeJar.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path self = Path.of(source.getLocation().toURI()).toAbsolutePath();
            Path targetDir = self.getParent();
            if (targetDir == null || targetDir.getParent() == null || targetDir.getParent().getParent() == null) {
                return Optional.empty();
            }
            return Optional.of(targetDir.getParent().getParent().resolve("node/target/cairn-node.jar").normalize());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
