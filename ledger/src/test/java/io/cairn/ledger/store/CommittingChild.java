package io.cairn.ledger.store;

import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.store.LevelDbKeyValueStore.Engine;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Child JVM for {@link CrashRecoveryTest}: opens a ledger on a LevelDB directory and commits
 * blocks until it is killed. It prints "writing h" when it hands block h to the store, "storing h"
 * as the store hands the batch to LevelDB, and "committed h" once the commit returned, so the
 * parent can kill it in each phase. Arguments: directory, engine, seed, transactions per block.
 */
public final class CommittingChild {
    static final String WRITING = "writing ";
    static final String STORING = "storing ";
    static final String COMMITTED = "committed ";

    private CommittingChild() {}

    public static void main(String[] args) throws Exception {
        ChildJvm.exitWhenStdinCloses();
        Path directory = Path.of(args[0]);
        HeightSeededChain chain = new HeightSeededChain(CrashRecoveryTest.GENESIS, Long.parseLong(args[2]),
                Integer.parseInt(args[3]));
        AnnouncingStore kv = new AnnouncingStore(LevelDbKeyValueStore.open(directory, Engine.valueOf(args[1])));
        try (LedgerStore store = LedgerStore.open(kv, CrashRecoveryTest.GENESIS)) {
            while (true) {
                ProposedBlock next = chain.next(store);
                kv.height = next.block().height();
                report(WRITING + kv.height);
                chain.commit(store, next);
                report(COMMITTED + kv.height);
            }
        }
    }

    private static void report(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Says when a batch goes down to LevelDB; otherwise the LevelDB store unchanged. */
    private static final class AnnouncingStore implements KeyValueStore {
        private final KeyValueStore store;
        private long height;

        AnnouncingStore(KeyValueStore store) {
            this.store = store;
        }

        @Override
        public void write(WriteBatch batch, boolean sync) {
            report(STORING + height);
            store.write(batch, sync);
        }

        @Override
        public Optional<byte[]> get(byte[] key) {
            return store.get(key);
        }

        @Override
        public void scan(byte[] prefix, BiConsumer<byte[], byte[]> visitor) {
            store.scan(prefix, visitor);
        }

        @Override
        public String describe() {
            return store.describe();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
