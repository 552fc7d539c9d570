package io.cairn.rpc.jsonrpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
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
        ArrayNode responses = JSON.arrayNode();
        for (JsonNode request : requests) {
            single(request).ifPresent(responses::add);
        }
        return responses.isEmpty() ? Optional.empty() : Optional.of(responses);
    }

    private Optional<JsonNode> single(JsonNode request) {
        if (!request.isObject()) {
            return Optional.of(errorResponse(NullNode.getInstance(),
                    RpcError.invalidRequest("a request must be a JSON object")));
        }
        JsonNode id = request.get("id");
        boolean validId = id == null || id.isTextual() || id.isNumber() || id.isNull();
        JsonNode answerId = id != null && validId ? id : NullNode.getInstance();
        Optional<RpcError> malformed = validId ? checkForm(request)
                : Optional.of(RpcError.invalidRequest("'id' must be a string, a number or null"));
        if (malformed.isPresent()) {
            return Optional.of(errorResponse(answerId, malformed.get()));
        }
        String method = request.get("method").textValue();
        ObjectNode response = JSON.objectNode().put("jsonrpc", "2.0");
        response.set("id", answerId);
        try {
            response.set("result", call(method, request.get("params")));
        } catch (RpcException e) {
            response.set("error", e.error().toJson());
        }
        // A notification is answered by nothing at all, whatever happened.
        return id == null ? Optional.empty() : Optional.of(response);
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

    private JsonNode call(String name, JsonNode params) throws RpcException {
        RpcMethod method = methods.get(name);
        if (method == null) {
            throw new RpcException(RpcError.methodNotFound(name));
        }
        Params bound = Params.bind(method.parameters(), params);
        try {
            JsonNode result = method.handler().call(bound);
            return result == null ? NullNode.getInstance() : result;
        } catch (RuntimeException e) {
            // The client learns only that it failed; the operator gets the whole story.
            log.error("RPC method {} failed", name, e);
            throw new RpcException(RpcError.internalError());
        }
    }
}
