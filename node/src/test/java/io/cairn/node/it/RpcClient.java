package io.cairn.node.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A small JSON-RPC client for the multi-process tests: one node's RPC address. */
final class RpcClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI uri;
    private long nextId;

    RpcClient(int port) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/rpc");
    }

    /** The whole JSON-RPC response; throws when the node does not answer. */
    JsonNode call(String method, Map<String, Object> params) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ++nextId).put("method", method);
        request.set("params", JSON.valueToTree(params));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** The result of a call that must succeed. */
    JsonNode result(String method, Map<String, Object> params) throws IOException, InterruptedException {
        JsonNode response = call(method, params);
        if (response.has("error")) {
            throw new IllegalStateException(method + " failed: " + response.get("error"));
        }
        return response.get("result");
    }

    JsonNode status() throws IOException, InterruptedException {
        return result("node_status", Map.of());
    }

    /** The status, or empty when the node is down or not answering. */
    Optional<JsonNode> statusIfUp() {
        try {
            return Optional.of(status());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    long height() throws IOException, InterruptedException {
        return status().get("height").asLong();
    }

    /** The transaction's hash once admitted; the whole error otherwise. */
    JsonNode submit(byte[] encoded) throws IOException, InterruptedException {
        return call("tx_submit", Map.of("tx", io.cairn.crypto.Hex.encode(encoded)));
    }

    /** "committed", "pending" or null. */
    Optional<String> txStatus(String hash) throws IOException, InterruptedException {
        JsonNode result = result("tx_get", Map.of("hash", hash));
        return result == null || result.isNull() ? Optional.empty() : Optional.of(result.get("status").asText());
    }

    JsonNode block(long height) throws IOException, InterruptedException {
        return result("chain_getBlock", Map.of("height", height));
    }
}
