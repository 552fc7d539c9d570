package io.cairn.ledger.store;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

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

    /**
     * Visits the entries whose key starts with {@code prefix} and is at least {@code from}, in
     * unsigned key order, until {@code visitor} returns false. {@code from} must start with
     * {@code prefix}. This default walks the whole prefix; the LevelDB and in-memory stores seek.
     */
    default void scanFrom(byte[] prefix, byte[] from, BiPredicate<byte[], byte[]> visitor) {
        StoreLayout.requireUnder(prefix, from);
        boolean[] visiting = {true};
        scan(prefix, (key, value) -> {
            if (visiting[0] && Arrays.compareUnsigned(key, from) >= 0) {
                visiting[0] = visitor.test(key, value);
            }
        });
    }

    /** For messages: what and where, e.g. "LevelDB (leveldbjni) at /var/cairn/data". */
    String describe();

    @Override
    void close();
}
