package io.cairn.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * One row of the malformed-config tables: how to write the bad config, the start of the message
 * after the file name (which names the field), and the part that says what is wrong.
 */
record BadConfig(String name, Writer writer, String field, String problem) {
    interface Writer {
        Path write(ConfigFixture fixture) throws Exception;
    }

    /** The valid YAML config with one edit. */
    static BadConfig yaml(String name, Consumer<ObjectNode> edit, String field, String problem) {
        return new BadConfig(name, fixture -> {
            ObjectNode tree = ConfigFixture.validTree();
            edit.accept(tree);
            return fixture.yaml(tree);
        }, field, problem);
    }

    /** The valid JSON config with one edit. */
    static BadConfig json(String name, Consumer<ObjectNode> edit, String field, String problem) {
        return new BadConfig(name, fixture -> {
            ObjectNode tree = ConfigFixture.validTree();
            edit.accept(tree);
            return fixture.json(tree);
        }, field, problem);
    }

    /** A config file with exactly this text. */
    static BadConfig text(String name, String fileName, String text, String field, String problem) {
        return new BadConfig(name, fixture -> fixture.write(fileName, text), field, problem);
    }

    /**
     * Loading and resolving fails with one line that starts with the config file and the field,
     * and says the problem; nothing in the directory changed, and no data directory appeared.
     */
    void assertRejected(ConfigFixture fixture) throws Exception {
        Path config = writer.write(fixture);
        SortedMap<String, String> before = fixture.snapshot();
        assertThatThrownBy(() -> NodeSettings.resolve(NodeConfig.load(config)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("\n", "\r")
                        .startsWith(config + ": " + field)
                        .contains(problem));
        assertThat(fixture.snapshot()).isEqualTo(before);
        assertThat(Files.isDirectory(fixture.dir.resolve("data"))).isFalse();
    }

    @Override
    public String toString() {
        return name;
    }
}
