package io.cairn.ledger.store;

/** The storage failed underneath (disk full, I/O error, a value that no longer decodes). */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
