package io.cairn.testnet.cli;

/** A command that cannot do what was asked: one line for the user, and the exit code to end with. */
public final class TestnetFailure extends RuntimeException {
    private final int exitCode;

    private TestnetFailure(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad input or a state the user must fix first (exit 2): nothing was changed. */
    public static TestnetFailure badInput(String message) {
        return new TestnetFailure(message, CairnTestnet.BAD_INPUT, null);
    }

    /** Something failed while running (exit 1). */
    public static TestnetFailure failed(String message) {
        return new TestnetFailure(message, CairnTestnet.FAILED, null);
    }

    public static TestnetFailure failed(String message, Throwable cause) {
        return new TestnetFailure(message, CairnTestnet.FAILED, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
