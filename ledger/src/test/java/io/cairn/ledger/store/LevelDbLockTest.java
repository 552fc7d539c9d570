package io.cairn.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ledger.store.LevelDbKeyValueStore.Engine;
import io.cairn.ledger.testing.TestGenesis;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** One LevelDB store, one user: a second open, from this JVM or another, is refused as "in use". */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LevelDbLockTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @ParameterizedTest(name = "open with {0}, then with {1}")
    @CsvSource({"NATIVE, NATIVE", "JAVA, JAVA", "NATIVE, JAVA", "JAVA, NATIVE"})
    void refusesASecondOpenInThisJvm(Engine first, Engine second) throws Exception {
        try (KeyValueStore open = LevelDbKeyValueStore.open(directory, first)) {
            open.write(new WriteBatch().put(new byte[] {1}, new byte[] {1}), true);

            assertInUse(second);
            assertThat(open.get(new byte[] {1})).isPresent();
        }
        // Refusing released nothing it did not own, and closing released the store.
        try (KeyValueStore again = LevelDbKeyValueStore.open(directory, second)) {
            assertThat(again.get(new byte[] {1})).isPresent();
        }
    }

    @ParameterizedTest(name = "held by a child JVM with {0}")
    @EnumSource(Engine.class)
    void refusesAStoreAnotherProcessHasOpen(Engine childEngine) throws Exception {
        try (ChildJvm child = ChildJvm.start(OpenStoreChild.class, List.of(), directory.toString(), childEngine.name())) {
            child.await(line -> line.startsWith(OpenStoreChild.OPENED), "saying it opened the store", WAIT);

            for (Engine engine : Engine.values()) {
                assertInUse(engine);
            }
            child.finish(WAIT);
        }
        try (LedgerStore store = LedgerStore.open(LevelDbKeyValueStore.open(directory, Engine.NATIVE), TestGenesis.of(4, 4))) {
            assertThat(store.head().height()).isZero();
        }
    }

    private void assertInUse(Engine engine) {
        assertThatThrownBy(() -> LevelDbKeyValueStore.open(directory, engine)).as("opening with %s", engine)
                .isInstanceOf(IOException.class).hasMessageContaining("the store at " + directory + " is in use");
    }
}
