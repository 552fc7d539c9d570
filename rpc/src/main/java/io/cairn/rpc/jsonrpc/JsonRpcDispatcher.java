package io.cairn.rpc.jsonrpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.rpc.jsonrpc.RpcMethod.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 (https://www.jsonrpc.org/specification) over a table of methods, independent of
 * the transport: a request body in, the response body out, or nothing when every request was a
 * notification. A request that is not well-formed is answered even without an id, as the
 * specification's examples do; a well-formed notification is never answered, not even with an
 * error.
 *
 * <p>In a batch, the calls of a method with a {@link RpcMethod.BatchHandler} go to it together,
 * once, where the first of them stands in the batch; the other calls run one by one in order.
 * Either way each request gets the answer it would get alone, in its place.
 */
public final class JsonRpcDispatcher {
    private static final Logger log = LoggerFactory.getLogger(JsonRpcDispatcher.class);
    private static final Set<String> MEMBERS = Set.of("jsonrpc", "id", "method", "params");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectMapper mapper;
    private final Map<String, RpcMethod> methods;
    private final int maxBatch;

    public JsonRpcDispatcher(ObjectMapper mapper, Map<String, RpcMethod> methods, int maxBatch) {
        this.mapper = mapper;
        this.methods = Map.copyOf(methods);
        this.maxBatch = maxBatch;
    }

    /** The response to {@code body}: one response object, an array for a batch, or empty. */
    public Optional<JsonNode> handle(byte[] body) {
        JsonNode document;
        try {
            document = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return Optional.of(errorResponse(NullNode.getInstance(), RpcError.parseError(describe(e))));
        } catch (IOException e) {
            return Optional.of(errorResponse(NullNode.getInstance(), RpcError.parseError(e.getMessage())));
        }
        if (document == null || document.isMissingNode()) {
            return Optional.of(errorResponse(NullNode.getInstance(), RpcError.parseError("the body is empty")));
        }
        return document.isArray() ? batch((ArrayNode) document) : single(document);
    }

    /** A response with no result for a request that never reached a method. */
    public static ObjectNode errorResponse(JsonNode id, RpcError error) {
        ObjectNode response = JSON.objectNode().put("jsonrpc", "2.0");
        response.set("id", id);
        response.set("error", error.toJson());
        return response;
    }

    private Optional<JsonNode> batch(ArrayNode requests) {
        if (requests.isEmpty()) {
            return Optional.of(errorResponse(NullNode.getInstance(), RpcError.invalidRequest("the batch is empty")));
        }
        if (requests.size() > maxBatch) {
            return Optional.of(errorResponse(NullNode.getInstance(), RpcError.invalidRequest(
                    "a batch holds at most " + maxBatch + " requests, this one holds " + requests.size())));
        }
        List<Optional<JsonNode>> answers = new ArrayList<>(Collections.nCopies(requests.size(), Optional.empty()));
        List<Call> calls = new ArrayList<>(Collections.nCopies(requests.size(), null));
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            Optional<ObjectNode> malformed = malformed(requests.get(i));
            if (malformed.isPresent()) {
                answers.set(i, Optional.of(malformed.get()));
                continue;
            }
            Call call = Call.of(requests.get(i));
            calls.set(i, call);
            RpcMethod method = methods.get(call.method());
            if (method != null && method.batchHandler().isPresent()) {
                groups.computeIfAbsent(call.method(), name -> new ArrayList<>()).add(i);
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            List<Integer> group = call == null ? null : groups.get(call.method());
            if (call != null && group == null) {
                answers.set(i, call.answer(call(call.method(), call.params())));
            } else if (group != null && group.get(0) == i) {
                // The whole group runs where its first call stands: later requests see all of its effects.
                List<Call> grouped = group.stream().map(calls::get).toList();
                List<Outcome> outcomes = callAll(call.method(), grouped);
                for (int k = 0; k < group.size(); k++) {
                    answers.set(group.get(k), grouped.get(k).answer(outcomes.get(k)));
                }
            }
        }
        ArrayNode responses = JSON.arrayNode();
        answers.forEach(answer -> answer.ifPresent(responses::add));
        return responses.isEmpty() ? Optional.empty() : Optional.of(responses);
    }

    private Optional<JsonNode> single(JsonNode request) {
        Optional<ObjectNode> malformed = malformed(request);
        if (malformed.isPresent()) {
            return Optional.of(malformed.get());
        }
        Call call = Call.of(request);
        return call.answer(call(call.method(), call.params()));
    }

    /** The error response to a request that is not well-formed, answered even without an id. */
    private static Optional<ObjectNode> malformed(JsonNode request) {
        if (!request.isObject()) {
            return Optional.of(errorResponse(NullNode.getInstance(),
                    RpcError.invalidRequest("a request must be a JSON object")));
        }
        JsonNode id = request.get("id");
        boolean validId = id == null || id.isTextual() || id.isNumber() || id.isNull();
        JsonNode answerId = id != null && validId ? id : NullNode.getInstance();
        Optional<RpcError> malformed = validId ? checkForm(request)
                : Optional.of(RpcError.invalidRequest("'id' must be a string, a number or null"));
        return malformed.map(error -> errorResponse(answerId, error));
    }

    /** A well-formed request. */
    private record Call(JsonNode id, String method, JsonNode params) {
        static Call of(JsonNode request) {
            return new Call(request.get("id"), request.get("method").textValue(), request.get("params"));
        }

        /** The response to this call, or nothing for a notification, whatever happened. */
        Optional<JsonNode> answer(Outcome outcome) {
            if (id == null) {
                return Optional.empty();
            }
            ObjectNode response = JSON.objectNode().put("jsonrpc", "2.0");
            response.set("id", id);
            if (outcome instanceof Outcome.Result result) {
                response.set("result", result.value() == null ? NullNode.getInstance() : result.value());
            } else {
                response.set("error", ((Outcome.Failure) outcome).error().toJson());
            }
            return Optional.of(response);
        }
    }

    private static Optional<RpcError> checkForm(JsonNode request) {
        for (Map.Entry<String, JsonNode> field : request.properties()) {
            String member = field.getKey();
            if (!MEMBERS.contains(member)) {
                return Optional.of(RpcError.invalidRequest("unknown member '" + member
                        + "' (a request has jsonrpc, id, method and params)"));
            }
        }
        JsonNode version = request.get("jsonrpc");
        if (version == null || !version.isTextual() || !version.textValue().equals("2.0")) {
            return Optional.of(RpcError.invalidRequest("'jsonrpc' must be the string \"2.0\""));
        }
        JsonNode method = request.get("method");
        if (method == null || !method.isTextual()) {
            return Optional.of(RpcError.invalidRequest("'method' must be a string"));
        }
        JsonNode params = request.get("params");
        if (params != null && !params.isObject() && !params.isArray()) {
            return Optional.of(RpcError.invalidRequest("'params' must be an object or an array"));
        }
        return Optional.empty();
    }

    private static String describe(JsonProcessingException e) {
        var at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? e.getOriginalMessage()
                : e.getOriginalMessage() + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private Outcome call(String name, JsonNode params) {
        RpcMethod method = methods.get(name);
        if (method == null) {
            return new Outcome.Failure(RpcError.methodNotFound(name));
        }
        try {
            return new Outcome.Result(method.handler().call(Params.bind(method.parameters(), params)));
        } catch (RpcException e) {
            return new Outcome.Failure(e.error());
        } catch (RuntimeException e) {
            // The client learns only that it failed; the operator gets the whole story.
            log.error("RPC method {} failed", name, e);
            return new Outcome.Failure(RpcError.internalError());
        }
    }

    /**
     * The outcomes of {@code calls}, all of one method with a batch handler, in their order: those
     * whose params bind go to the handler together, in one call.
     */
    private List<Outcome> callAll(String name, List<Call> calls) {
        RpcMethod method = methods.get(name);
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(calls.size(), null));
        List<Integer> bound = new ArrayList<>();
        List<Params> params = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            try {
                params.add(Params.bind(method.parameters(), calls.get(i).params()));
                bound.add(i);
            } catch (RpcException e) {
                outcomes.set(i, new Outcome.Failure(e.error()));
            }
        }
        if (params.isEmpty()) {
            return outcomes;
        }
        List<Outcome> handled;
        try {
            handled = method.batchHandler().orElseThrow().callAll(List.copyOf(params));
            if (handled.size() != params.size() || handled.stream().anyMatch(Objects::isNull)) {
                throw new IllegalStateException("the batch handler answered " + handled.size() + " outcomes for "
                        + params.size() + " calls, or a null one");
            }
        } catch (RuntimeException e) {
            log.error("RPC method {} failed for {} calls of a batch", name, params.size(), e);
            handled = Collections.nCopies(params.size(), new Outcome.Failure(RpcError.internalError()));
        }
        for (int k = 0; k < bound.size(); k++) {
            outcomes.set(bound.get(k), handled.get(k));
        }
        return outcomes;
    }
}
