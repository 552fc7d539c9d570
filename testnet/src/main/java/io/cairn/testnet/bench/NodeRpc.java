package io.cairn.testnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A JSON-RPC client of one node's {@code POST /rpc}, over one keep-alive HTTP/1.1 client. */
public final class NodeRpc {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final HttpClient http;

    public NodeRpc(URI rpcUri) {
        this.endpoint = rpcUri.resolve("/rpc");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** One call; the {@code result}, or an {@link IOException} naming the node's error. */
    public JsonNode call(String method, Object params) throws IOException {
        ObjectNode request = request(1, method, params);
        JsonNode answer = post(request);
        if (answer.has("error")) {
            throw new IOException(endpoint + " answered " + method + " with " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** One batch; each answer ({@code result} or {@code error} object) in the order of {@code requests}. */
    public List<JsonNode> batch(String method, List<?> paramsEach) throws IOException {
        ArrayNode body = JSON.createArrayNode();
        for (int i = 0; i < paramsEach.size(); i++) {
            body.add(request(i, method, paramsEach.get(i)));
        }
        JsonNode answer = post(body);
        if (!answer.isArray() || answer.size() != paramsEach.size()) {
            throw new IOException(endpoint + " answered a batch of " + paramsEach.size() + " with " + abbreviate(answer));
        }
        List<JsonNode> ordered = new ArrayList<>(paramsEach.size());
        for (int i = 0; i < paramsEach.size(); i++) {
            ordered.add(null);
        }
        for (JsonNode one : answer) {
            int id = one.path("id").asInt(-1);
            if (id < 0 || id >= ordered.size()) {
                throw new IOException(endpoint + " answered with an unknown id: " + abbreviate(one));
            }
            ordered.set(id, one);
        }
        return ordered;
    }

    private static ObjectNode request(int id, String method, Object params) {
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) {
            request.set("params", JSON.valueToTree(params));
        }
        return request;
    }

    private JsonNode post(JsonNode body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(endpoint + " answered HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + endpoint, e);
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
