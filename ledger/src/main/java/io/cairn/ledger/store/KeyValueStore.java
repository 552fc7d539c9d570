package io.cairn.ledger.store;

import java.util.Optional;
import java.util.function.BiConsumer;

/** An ordered byte-key store with atomic batches: what Cairn needs from LevelDB. */
public interface KeyValueStore extends AutoCloseable {

    Optional<byte[]> get(byte[] key);

    /**
     * Applies every put and delete of {@code batch} atomically; when {@code sync}, durably before
     * returning. The store keeps copies, so the caller may reuse the arrays afterwards.
     */
    void write(WriteBatch batch, boolean sync);

    /** Visits every entry whose key starts with {@code prefix}, in unsigned key order. */
    void scan(byte[] prefix, BiConsumer<byte[], byte[]> visitor);

    /** For messages: what and where, e.g. "LevelDB (leveldbjni) at /var/cairn/data". */
    String describe();

    @Override
    void close();
}
