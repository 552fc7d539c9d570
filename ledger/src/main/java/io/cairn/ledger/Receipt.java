package io.cairn.ledger;

import io.cairn.crypto.Hash;
import java.util.Objects;

/** Where a committed transaction sits and how it ended. */
public record Receipt(Hash transactionHash, long height, int index, Outcome outcome) {
    public Receipt {
        Objects.requireNonNull(transactionHash, "transactionHash");
        Objects.requireNonNull(outcome, "outcome");
        if (height < 1 || index < 0) {
            throw new IllegalArgumentException("height must be at least 1 and index not negative");
        }
    }
}
