package io.cairn.ledger.store;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/** A {@link KeyValueStore} in memory, for tests and simulation. Batches are atomic to readers. */
public final class InMemoryKeyValueStore implements KeyValueStore {
    private final NavigableMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
    private boolean closed;

    @Override
    public synchronized Optional<byte[]> get(byte[] key) {
        checkOpen();
        byte[] value = entries.get(key);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    @Override
    public synchronized void write(WriteBatch batch, boolean sync) {
        checkOpen();
        for (WriteBatch.Change change : batch.changes()) {
            if (change.value() == null) {
                entries.remove(change.key());
            } else {
                entries.put(change.key().clone(), change.value().clone());
            }
        }
    }

    @Override
    public void scan(byte[] prefix, BiConsumer<byte[], byte[]> visitor) {
        scanFrom(prefix, prefix, (key, value) -> {
            visitor.accept(key, value);
            return true;
        });
    }

    @Override
    public synchronized void scanFrom(byte[] prefix, byte[] from, BiPredicate<byte[], byte[]> visitor) {
        StoreLayout.requireUnder(prefix, from);
        checkOpen();
        for (Map.Entry<byte[], byte[]> entry : entries.tailMap(from, true).entrySet()) {
            if (!StoreLayout.startsWith(entry.getKey(), prefix)
                    || !visitor.test(entry.getKey().clone(), entry.getValue().clone())) {
                break;
            }
        }
    }

    @Override
    public String describe() {
        return "in-memory store";
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /** Opens again, keeping the content: what a restart looks like in memory. */
    public synchronized InMemoryKeyValueStore reopen() {
        closed = false;
        return this;
    }

    private void checkOpen() {
        if (closed) {
            throw new StorageException("the in-memory store is closed");
        }
    }
}
