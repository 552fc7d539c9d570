package io.cairn.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One method of the API: the names of its parameters, in the order a positional call gives
 * them, its handler, and optionally a handler for all of its calls in one batch at once.
 */
public record RpcMethod(List<String> parameters, Handler handler, Optional<BatchHandler> batchHandler) {
    public RpcMethod {
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(batchHandler, "batchHandler");
    }

    /** A method whose calls in a batch are handled one by one. */
    public RpcMethod(List<String> parameters, Handler handler) {
        this(parameters, handler, Optional.empty());
    }

    /** Checks its parameters, reads through the node's interface and returns the result (JSON null for none). */
    @FunctionalInterface
    public interface Handler {
        JsonNode call(Params params) throws RpcException;
    }

    /**
     * Handles every call of the method in one batch together, each as {@link Handler} would: one
     * outcome per call, in the order of {@code calls}. For work that is cheaper done at once.
     */
    @FunctionalInterface
    public interface BatchHandler {
        List<Outcome> callAll(List<Params> calls);
    }

    /** What became of one call of a batch handler: its result, or the error that answers it. */
    public sealed interface Outcome {
        /** @param value JSON null for none */
        record Result(JsonNode value) implements Outcome {}

        record Failure(RpcError error) implements Outcome {
            public Failure {
                Objects.requireNonNull(error, "error");
            }
        }
    }
}
