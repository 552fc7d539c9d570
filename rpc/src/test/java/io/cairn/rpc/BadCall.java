package io.cairn.rpc;

/**
 * A call with bad parameters and the -32602 error it must get: {@code expected} in the message
 * and {@code param} in {@code data.param} (null when the error is not about one parameter).
 * Parameterized tests take a list of these, one test case each.
 */
record BadCall(String name, String method, String params, String param, String expected) {
    /** Asserts the error on {@code client}. */
    void assertRefusedBy(RpcClient client) {
        client.invalidParams(method, params, param, expected);
    }

    @Override
    public String toString() {
        return name;
    }
}
