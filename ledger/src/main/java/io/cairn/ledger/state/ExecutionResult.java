package io.cairn.ledger.state;

import io.cairn.crypto.Hash;
import io.cairn.ledger.Receipt;
import java.util.List;
import java.util.Objects;

/** What executing a block's transactions produced: one receipt each, the changes and the new root. */
public record ExecutionResult(long height, List<Receipt> receipts, StateChanges changes, Hash stateRoot) {
    public ExecutionResult {
        receipts = List.copyOf(receipts);
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(stateRoot, "stateRoot");
    }
}
