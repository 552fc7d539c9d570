package io.cairn.node.client;

import java.util.Optional;

/**
 * The node answered a call with a JSON-RPC error object. {@code reason} is the machine-readable
 * {@code data.reason} of Cairn's application errors (for example {@code nonce_too_low}), when the
 * error has one.
 */
public final class RpcCallException extends ClientException {
    private final String method;
    private final int code;
    private final String reason;

    public RpcCallException(String method, int code, String message, String reason) {
        super(method + " failed: " + message + " (code " + code + (reason == null ? "" : ", reason " + reason) + ")");
        this.method = method;
        this.code = code;
        this.reason = reason;
    }

    public String method() {
        return method;
    }

    public int code() {
        return code;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
