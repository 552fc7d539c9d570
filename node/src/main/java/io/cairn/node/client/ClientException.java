package io.cairn.node.client;

/**
 * Something the client asked for did not happen: the node is unreachable or refused the call,
 * what was asked for does not exist, a wait timed out, a proof did not verify. The message is
 * one line for a person; the command line prints it and exits with 1.
 */
public class ClientException extends Exception {
    public ClientException(String message) {
        super(message);
    }

    public ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
