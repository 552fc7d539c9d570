package io.cairn.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ledger.store.LevelDbKeyValueStore.Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The store a contract test runs on. {@link #open} opens the same store every time, so closing a
 * handle and opening again is a restart; {@link #closeAll} releases what a failed test left open.
 */
abstract class StoreBackend {
    private final List<KeyValueStore> opened = new ArrayList<>();

    /** Opens the store: empty the first time, afterwards what the closed handle left. */
    final KeyValueStore open() throws IOException {
        KeyValueStore kv = openStore();
        opened.add(kv);
        return kv;
    }

    abstract KeyValueStore openStore() throws IOException;

    /** Fails unless {@code kv} was closed. */
    abstract void assertClosed(KeyValueStore kv) throws IOException;

    final void closeAll() {
        for (KeyValueStore kv : opened) {
            kv.close(); // closing twice does nothing on every backend
        }
    }

    static StoreBackend inMemory() {
        InMemoryKeyValueStore memory = new InMemoryKeyValueStore();
        return new StoreBackend() {
            @Override
            KeyValueStore openStore() {
                return memory.reopen();
            }

            @Override
            void assertClosed(KeyValueStore kv) {
                assertThatThrownBy(() -> kv.get(StoreLayout.HEAD)).isInstanceOf(StorageException.class)
                        .hasMessageContaining("closed");
            }
        };
    }

    static StoreBackend levelDb(Path directory, Engine engine) {
        return new StoreBackend() {
            @Override
            KeyValueStore openStore() throws IOException {
                return LevelDbKeyValueStore.open(directory, engine);
            }

            @Override
            void assertClosed(KeyValueStore kv) throws IOException {
                // LevelDB locks its directory while open, also against this process: a second
                // open only succeeds once the first handle is closed.
                KeyValueStore again = LevelDbKeyValueStore.open(directory, engine);
                again.close();
                assertThat(again.describe()).isEqualTo(kv.describe());
            }
        };
    }
}
