package io.cairn.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A JSON-RPC 2.0 error object. The standard codes come from the specification; Cairn's own
 * application errors use -32000..-32099 and always carry {@code data: {reason, message}}.
 *
 * @param data null when the error has none
 */
public record RpcError(int code, String message, JsonNode data) {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;

    /** The node refused a submitted transaction; {@code data.reason} says why. */
    public static final int TRANSACTION_REFUSED = -32000;

    public RpcError {
        Objects.requireNonNull(message, "message");
    }

    public static RpcError parseError(String detail) {
        return new RpcError(PARSE_ERROR, "parse error: " + detail, null);
    }

    public static RpcError invalidRequest(String detail) {
        return new RpcError(INVALID_REQUEST, "invalid request: " + detail, null);
    }

    public static RpcError methodNotFound(String method) {
        return new RpcError(METHOD_NOT_FOUND, "method not found: '" + method + "'", null);
    }

    /** Names the parameter in the message and in {@code data.param}, so a client can point at it. */
    public static RpcError invalidParam(String param, String detail) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("param", param);
        return new RpcError(INVALID_PARAMS, "invalid params: '" + param + "' " + detail, data);
    }

    /** Invalid params not tied to a single parameter (too many positions, a choice between two). */
    public static RpcError invalidParams(String detail) {
        return new RpcError(INVALID_PARAMS, "invalid params: " + detail, null);
    }

    /** What the client sees of a failure inside the node: never its details, which are logged. */
    public static RpcError internalError() {
        return new RpcError(INTERNAL_ERROR, "internal error", null);
    }

    /**
     * An application error. {@code reason} is snake_case for programs, {@code sentence} is for
     * people; both go into {@code data}.
     */
    public static RpcError application(int code, String summary, String reason, String sentence) {
        if (code > -32000 || code < -32099) {
            throw new IllegalArgumentException("application error codes are -32000..-32099, got " + code);
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("reason", reason).put("message", sentence);
        return new RpcError(code, summary + ": " + sentence, data);
    }

    ObjectNode toJson() {
        ObjectNode error = JsonNodeFactory.instance.objectNode().put("code", code).put("message", message);
        if (data != null) {
            error.set("data", data);
        }
        return error;
    }
}
