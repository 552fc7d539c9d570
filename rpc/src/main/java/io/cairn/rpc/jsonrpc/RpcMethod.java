package io.cairn.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One method of the API: the names of its parameters, in the order a positional call gives
 * them, and its handler.
 */
public record RpcMethod(List<String> parameters, Handler handler) {
    public RpcMethod {
        parameters = List.copyOf(parameters);
    }

    /** Checks its parameters, reads through the node's interface and returns the result (JSON null for none). */
    @FunctionalInterface
    public interface Handler {
        JsonNode call(Params params) throws RpcException;
    }
}
