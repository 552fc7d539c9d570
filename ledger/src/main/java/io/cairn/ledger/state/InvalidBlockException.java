package io.cairn.ledger.state;

/** A block that breaks a rule; the message says which, and for which transaction. */
public final class InvalidBlockException extends Exception {
    public InvalidBlockException(String message) {
        super(message);
    }
}
