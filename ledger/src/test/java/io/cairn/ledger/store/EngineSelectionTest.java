package io.cairn.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ledger.store.LevelDbKeyValueStore.Engine;
import io.cairn.ledger.testing.TestGenesis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which LevelDB engine a node gets. {@link Engine#preferred()} is decided once per JVM, so each
 * case runs in a child JVM.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EngineSelectionTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void prefersLeveldbjniWhereItLoads() throws Exception {
        List<String> output = openInChild(List.of());

        assertThat(output).anyMatch(line -> line.startsWith(OpenStoreChild.OPENED + "LevelDB (leveldbjni) at "))
                .noneMatch(line -> line.contains("cannot load"));
    }

    @Test
    void fallsBackToPureJavaAndWarnsWhenTheNativeLibraryCannotLoad() throws Exception {
        // hawtjni extracts libleveldbjni from the jar into java.io.tmpdir (or library.leveldbjni.path)
        // and otherwise searches java.library.path: with neither usable the library cannot load.
        Path noTmp = directory.resolve("no-such-tmp");
        Path emptyLibraryPath = Files.createDirectory(directory.resolve("empty-lib"));
        List<String> output = openInChild(List.of("-Djava.io.tmpdir=" + noTmp, "-Djava.library.path=" + emptyLibraryPath));

        assertThat(output).anyMatch(line -> line.contains(" WARN ") && line.contains("Native LevelDB (leveldbjni) cannot load")
                && line.contains("falling back to iq80 pure-Java LevelDB"));
        assertThat(output).anyMatch(line -> line.startsWith(OpenStoreChild.OPENED + "LevelDB (iq80 pure-Java) at "));
        assertWroteAStoreTheNativeEngineOpens();
    }

    @Test
    void usesPureJavaWhenAskedTo() throws Exception {
        List<String> output = openInChild(List.of("-D" + LevelDbKeyValueStore.ENGINE_PROPERTY + "=java"));

        assertThat(output).anyMatch(line -> line.contains("Using iq80 pure-Java LevelDB because cairn.leveldb=java"));
        assertThat(output).anyMatch(line -> line.startsWith(OpenStoreChild.OPENED + "LevelDB (iq80 pure-Java) at "))
                .noneMatch(line -> line.contains("cannot load"));
        assertWroteAStoreTheNativeEngineOpens();
    }

    private List<String> openInChild(List<String> jvmOptions) throws Exception {
        Path store = directory.resolve("store");
        try (ChildJvm child = ChildJvm.start(OpenStoreChild.class, jvmOptions, store.toString())) {
            child.await(line -> line.startsWith(OpenStoreChild.OPENED), "saying it opened the store", WAIT);
            List<String> output = child.finish(WAIT);
            assertThat(child.exitValue()).as("exit value; output:%n%s", child.output()).isZero();
            return output;
        }
    }

    /** The engine the child fell back to wrote a real store: the genesis head, readable natively. */
    private void assertWroteAStoreTheNativeEngineOpens() throws Exception {
        KeyValueStore kv = LevelDbKeyValueStore.open(directory.resolve("store"), Engine.NATIVE);
        try (LedgerStore store = LedgerStore.open(kv, TestGenesis.of(4, 4))) {
            assertThat(store.head().height()).isZero();
        }
    }
}
