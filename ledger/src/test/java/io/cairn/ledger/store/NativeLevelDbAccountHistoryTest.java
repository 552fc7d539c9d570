package io.cairn.ledger.store;

import io.cairn.ledger.store.LevelDbKeyValueStore.Engine;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class NativeLevelDbAccountHistoryTest extends AccountHistoryContract {
    @TempDir
    Path directory;

    @Override
    StoreBackend backend() {
        return StoreBackend.levelDb(directory, Engine.NATIVE);
    }
}
