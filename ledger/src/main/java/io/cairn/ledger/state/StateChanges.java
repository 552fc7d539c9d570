package io.cairn.ledger.state;

import io.cairn.crypto.Hash;
import io.cairn.ledger.codec.StateCodec;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The entries a block changed, as encoded state keys and values in unsigned byte order: what the
 * store writes and what the state root hashes. Only entries whose value differs count. Equal
 * when the writes are equal byte for byte, so {@link ExecutionResult}s compare by value.
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

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StateChanges other) || other.writes.size() != writes.size()) {
            return false;
        }
        Iterator<Map.Entry<byte[], byte[]>> theirs = other.writes.entrySet().iterator();
        for (Map.Entry<byte[], byte[]> mine : writes.entrySet()) {
            Map.Entry<byte[], byte[]> their = theirs.next();
            if (!Arrays.equals(mine.getKey(), their.getKey()) || !Arrays.equals(mine.getValue(), their.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (Map.Entry<byte[], byte[]> write : writes.entrySet()) {
            hash = 31 * hash + Arrays.hashCode(write.getKey());
            hash = 31 * hash + Arrays.hashCode(write.getValue());
        }
        return hash;
    }

    @Override
    public String toString() {
        return "StateChanges[" + writes.size() + " writes]";
    }
}
