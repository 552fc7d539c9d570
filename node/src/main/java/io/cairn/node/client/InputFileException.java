package io.cairn.node.client;

/**
 * A file the user named (a proof answer to verify) cannot be read at all: missing, a directory,
 * unreadable or too large. Bad input, like a bad key or genesis file: the command line exits with 2.
 */
public final class InputFileException extends Exception {
    public InputFileException(String message) {
        super(message);
    }
}
