package io.cairn.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cairn.crypto.KeyFile;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.genesis.GenesisFile;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A directory with a genesis of four validators ({@code genesis.json}), validator 0's key
 * ({@code node.key}) and config files for validator 0, written from a tree that tests edit.
 */
final class ConfigFixture {
    static final int VALIDATORS = 4;
    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final ObjectMapper YAML = YAMLMapper.builder().build();

    final Path dir;
    final Genesis genesis;

    ConfigFixture(Path dir) throws Exception {
        this(dir, TestGenesis.of(VALIDATORS, 1));
    }

    ConfigFixture(Path dir, Genesis genesis) throws Exception {
        this.dir = dir;
        this.genesis = genesis;
        GenesisFile.write(dir.resolve("genesis.json"), genesis);
        KeyFile.write(dir.resolve("node.key"), TestKeys.validator(0));
    }

    /** A complete, valid config of validator 0 (every section, defaults spelled out), to edit. */
    static ObjectNode validTree() {
        ObjectNode tree = JSON.createObjectNode();
        tree.put("key", "node.key").put("dataDir", "data").put("genesis", "genesis.json");
        ObjectNode p2p = tree.putObject("p2p").put("listen", "127.0.0.1:7001");
        p2p.putArray("peers").add("validator-1@127.0.0.1:7002").add("validator-2@127.0.0.1:7003")
                .add("validator-3@127.0.0.1:7004");
        tree.putObject("rpc").put("listen", "127.0.0.1:8001");
        tree.putObject("limits").put("mempoolTransactions", 50_000).put("mempoolBytes", 64L << 20)
                .put("nonceWindow", 64).put("peerQueueBytes", 64L << 20).put("rpcMaxBodyBytes", 4 << 20);
        tree.putObject("consensus").put("tickMillis", 100).put("emptyBlocks", false);
        return tree;
    }

    static ObjectNode section(ObjectNode tree, String name) {
        return (ObjectNode) tree.get(name);
    }

    Path yaml(JsonNode tree) {
        return write("node.yaml", toText(YAML, tree));
    }

    Path json(JsonNode tree) {
        return write("node.json", toText(JSON, tree));
    }

    Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file and directory under the fixture with its size and modification time. */
    SortedMap<String, String> snapshot() throws IOException {
        SortedMap<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                entries.put(dir.relativize(path).toString(), (Files.isDirectory(path) ? "dir " : "file ")
                        + Files.size(path) + " " + Files.getLastModifiedTime(path));
            }
        }
        return entries;
    }

    private static String toText(ObjectMapper mapper, JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
