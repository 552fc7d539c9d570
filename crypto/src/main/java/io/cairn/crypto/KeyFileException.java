package io.cairn.crypto;

/** A key file that is missing, unreadable, too widely readable or malformed; the message says which. */
public final class KeyFileException extends Exception {
    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
