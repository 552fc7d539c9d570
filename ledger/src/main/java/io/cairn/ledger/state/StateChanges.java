package io.cairn.ledger.state;

import io.cairn.crypto.Hash;
import io.cairn.ledger.codec.StateCodec;
import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The entries a block changed, as encoded state keys and values in unsigned byte order: what the
 * store writes and what the state root hashes. Only entries whose value differs count.
 */
public final class StateChanges {
    public static final StateChanges NONE = new StateChanges(new TreeMap<>(Arrays::compareUnsigned));

    private final SortedMap<byte[], byte[]> writes;

    StateChanges(SortedMap<byte[], byte[]> writes) {
        this.writes = Collections.unmodifiableSortedMap(writes);
    }

    /** Encoded state key to encoded value, in key order. Callers must not change the arrays. */
    public SortedMap<byte[], byte[]> writes() {
        return writes;
    }

    public int size() {
        return writes.size();
    }

    /** The state root after these changes, on top of {@code previous} at {@code height}. */
    public Hash rootAfter(Hash previous, long height) {
        return Hash.of(StateCodec.stateRootPreimage(previous, height, writes));
    }
}
