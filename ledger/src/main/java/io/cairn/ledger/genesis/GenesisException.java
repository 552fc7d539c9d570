package io.cairn.ledger.genesis;

/**
 * A genesis file that cannot be read, parsed or written. The message is one line:
 * {@code <source>: <field path>: <problem>}, or {@code <source>: <problem>} for the file as a whole.
 */
public final class GenesisException extends Exception {
    public GenesisException(String message) {
        super(message);
    }

    public GenesisException(String message, Throwable cause) {
        super(message, cause);
    }
}
