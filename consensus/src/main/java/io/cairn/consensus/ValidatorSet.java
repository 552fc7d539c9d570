package io.cairn.consensus;

import io.cairn.crypto.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The validators from genesis, in order: validator i signs with key i. The primary of view v at
 * height h is validator (h - 1 + v) mod n: each height starts with the next validator in turn,
 * and each view change at a height passes to the one after.
 */
public final class ValidatorSet {
    private final List<PublicKey> keys;
    private final Map<PublicKey, Integer> indexOf = new HashMap<>();
    private final Quorum quorum;

    public ValidatorSet(List<PublicKey> keys) {
        this.keys = List.copyOf(keys);
        this.quorum = new Quorum(keys.size());
        for (int i = 0; i < this.keys.size(); i++) {
            if (indexOf.putIfAbsent(this.keys.get(i), i) != null) {
                throw new IllegalArgumentException("validator key " + i + " is listed twice");
            }
        }
    }

    public int size() {
        return keys.size();
    }

    public Quorum quorum() {
        return quorum;
    }

    public PublicKey key(int index) {
        return keys.get(index);
    }

    public List<PublicKey> keys() {
        return keys;
    }

    public boolean contains(int index) {
        return index >= 0 && index < keys.size();
    }

    public OptionalInt indexOf(PublicKey key) {
        Integer index = indexOf.get(key);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /** The primary of {@code view} at {@code height}. */
    public int primary(long height, long view) {
        return (int) Math.floorMod(height - 1 + view, (long) keys.size());
    }
}
