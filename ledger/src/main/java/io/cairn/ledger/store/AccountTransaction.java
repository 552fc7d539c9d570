package io.cairn.ledger.store;

import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import java.util.Objects;

/**
 * A committed transaction that names an account, as {@link BlockStore#transactionsOf} lists
 * it: the transaction and its receipt (block, index, outcome).
 */
public record AccountTransaction(Receipt receipt, Transaction transaction) {
    public AccountTransaction {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(transaction, "transaction");
    }

    /** Where this transaction sits: the cursor that asks for the ones before it. */
    public Cursor cursor() {
        return new Cursor(receipt.height(), receipt.index());
    }

    /**
     * A place in the chain's order of transactions: block height, then index in the block.
     * Listing "before" a cursor gives the transactions strictly older than it.
     */
    public record Cursor(long height, int index) {
        public Cursor {
            if (height < 1 || index < 0) {
                throw new IllegalArgumentException("a cursor's height must be at least 1 and its index not negative, got "
                        + height + " and " + index);
            }
        }
    }
}
