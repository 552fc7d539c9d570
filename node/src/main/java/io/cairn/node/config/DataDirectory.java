package io.cairn.node.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that the data directory is, or can become, a directory; creating it is the node's job. */
final class DataDirectory {
    private DataDirectory() {}

    static void check(NodeConfig config) throws ConfigException {
        Path dir = config.dataDir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigException(config.source() + ": dataDir: " + dir + " is a file, not a directory");
        }
        for (Path parent = dir.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.exists(parent)) {
                if (!Files.isDirectory(parent)) {
                    throw new ConfigException(config.source() + ": dataDir: " + dir + " cannot be created: "
                            + parent + " is a file");
                }
                return;
            }
        }
    }
}
