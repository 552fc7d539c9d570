package io.cairn.ledger.genesis;

/** One malformed field, named by its path ({@code validators[1].publicKey}); becomes a {@link GenesisException}. */
final class InvalidFieldException extends Exception {
    private final String path;
    private final String problem;

    InvalidFieldException(String path, String problem) {
        super(path + ": " + problem, null, false, false);
        this.path = path;
        this.problem = problem;
    }

    String path() {
        return path;
    }

    String problem() {
        return problem;
    }
}
