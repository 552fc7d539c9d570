package io.cairn.ledger.store;

import io.cairn.ledger.store.LevelDbKeyValueStore.Engine;
import io.cairn.ledger.testing.TestGenesis;
import java.nio.file.Path;

/**
 * Child JVM: opens a ledger on a LevelDB directory, with the given engine or the preferred one,
 * says so, and holds it open until its stdin closes. Arguments: directory [NATIVE|JAVA].
 */
public final class OpenStoreChild {
    static final String OPENED = "opened ";

    private OpenStoreChild() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        KeyValueStore kv = args.length > 1
                ? LevelDbKeyValueStore.open(directory, Engine.valueOf(args[1]))
                : LevelDbKeyValueStore.open(directory);
        try (LedgerStore store = LedgerStore.open(kv, TestGenesis.of(4, 4))) {
            System.out.println(OPENED + kv.describe() + " at height " + store.head().height());
            System.out.flush();
            while (System.in.read() != -1) {
                // holds the store until the parent closes stdin
            }
        }
    }
}
