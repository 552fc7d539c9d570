package io.cairn.node.chain;

import io.cairn.ledger.store.InMemoryKeyValueStore;
import io.cairn.ledger.store.KeyValueStore;
import io.cairn.ledger.store.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** A store in memory that records each batch written and whether it was synced. */
final class CountingKeyValueStore implements KeyValueStore {
    record Written(int changes, boolean synced) {}

    private final InMemoryKeyValueStore delegate = new InMemoryKeyValueStore();
    final List<Written> writes = new ArrayList<>();

    @Override
    public Optional<byte[]> get(byte[] key) {
        return delegate.get(key);
    }

    @Override
    public void write(WriteBatch batch, boolean sync) {
        writes.add(new Written(batch.changes().size(), sync));
        delegate.write(batch, sync);
    }

    @Override
    public void scan(byte[] prefix, BiConsumer<byte[], byte[]> visitor) {
        delegate.scan(prefix, visitor);
    }

    @Override
    public String describe() {
        return "counting " + delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
