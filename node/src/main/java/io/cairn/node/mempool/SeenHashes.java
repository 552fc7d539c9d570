package io.cairn.node.mempool;

import io.cairn.crypto.Hash;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded memory of transaction hashes that are no longer, or not yet, pending: committed ones
 * and ones whose signature was checked. The oldest are forgotten first. Not thread-safe: the
 * mempool's lock guards it.
 */
final class SeenHashes {
    enum Seen {
        /** The signature verified; the transaction may still be admitted. */
        VALID_SIGNATURE,
        /** The signature did not verify: a copy is a duplicate. */
        BAD_SIGNATURE,
        /** A block included it: a copy is a duplicate. */
        COMMITTED
    }

    private final Map<Hash, Seen> seen;

    SeenHashes(int capacity) {
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash, Seen> eldest) {
                return size() > capacity;
            }
        };
    }

    Optional<Seen> get(Hash hash) {
        return Optional.ofNullable(seen.get(hash));
    }

    /** Remembers what is now known of {@code hash}, as the newest entry; being committed is not replaced. */
    void remember(Hash hash, Seen what) {
        Seen before = seen.remove(hash);
        seen.put(hash, before == Seen.COMMITTED ? Seen.COMMITTED : what);
    }

    int size() {
        return seen.size();
    }
}
