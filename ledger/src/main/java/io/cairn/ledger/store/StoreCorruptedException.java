package io.cairn.ledger.store;

/** A store this node must not run on; the message names the store and what is wrong with it. */
public final class StoreCorruptedException extends Exception {
    public StoreCorruptedException(String message) {
        super(message);
    }
}
