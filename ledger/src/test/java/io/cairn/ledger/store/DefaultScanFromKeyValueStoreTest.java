package io.cairn.ledger.store;

import java.io.IOException;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The contract on a store that implements only {@link KeyValueStore#scan}, as wrappers in tests
 * do: {@link KeyValueStore#scanFrom}'s default must give what the backends' seeks give.
 */
class DefaultScanFromKeyValueStoreTest extends KeyValueStoreContract {
    @Override
    StoreBackend backend() {
        InMemoryKeyValueStore memory = new InMemoryKeyValueStore();
        StoreBackend inMemory = StoreBackend.inMemory();
        return new StoreBackend() {
            @Override
            KeyValueStore openStore() {
                return new ScanOnly(memory.reopen());
            }

            @Override
            void assertClosed(KeyValueStore kv) throws IOException {
                inMemory.assertClosed(kv);
            }
        };
    }

    /** Delegates everything but {@code scanFrom}, which it leaves to the interface's default. */
    private record ScanOnly(KeyValueStore delegate) implements KeyValueStore {
        @Override
        public Optional<byte[]> get(byte[] key) {
            return delegate.get(key);
        }

        @Override
        public void write(WriteBatch batch, boolean sync) {
            delegate.write(batch, sync);
        }

        @Override
        public void scan(byte[] prefix, BiConsumer<byte[], byte[]> visitor) {
            delegate.scan(prefix, visitor);
        }

        @Override
        public String describe() {
            return "scan-only " + delegate.describe();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
