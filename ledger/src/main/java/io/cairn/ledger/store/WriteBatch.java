package io.cairn.ledger.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Puts and deletes to apply together. A delete is a put of {@code null}. */
public final class WriteBatch {
    /** One change; {@code value} is null for a delete. */
    public record Change(byte[] key, byte[] value) {}

    private final List<Change> changes = new ArrayList<>();

    public WriteBatch put(byte[] key, byte[] value) {
        changes.add(new Change(key, value));
        return this;
    }

    public WriteBatch delete(byte[] key) {
        changes.add(new Change(key, null));
        return this;
    }

    public List<Change> changes() {
        return Collections.unmodifiableList(changes);
    }
}
