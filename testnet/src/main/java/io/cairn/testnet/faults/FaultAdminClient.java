package io.cairn.testnet.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * Talks to a node's test-only fault-injection admin ({@code testnet.adminListen} in its config,
 * always on 127.0.0.1): {@code POST /partition} and {@code POST /heal}.
 */
public final class FaultAdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Cuts the node at {@code adminPort} off from {@code validators}; returns whom it now isolates. */
    public Set<Integer> isolate(int adminPort, Set<Integer> validators) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        new TreeSet<>(validators).forEach(body.putArray("isolate")::add);
        return post(adminPort, "/partition", JSON.writeValueAsString(body));
    }

    /** Restores every link of the node at {@code adminPort}; returns whom it still isolates (none). */
    public Set<Integer> heal(int adminPort) throws IOException, InterruptedException {
        return post(adminPort, "/heal", "");
    }

    private Set<Integer> post(int adminPort, String path, String body) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + adminPort + path);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IOException("no fault-injection admin at 127.0.0.1:" + adminPort
                    + " (is the node up, and was it started for a testnet?)", e);
        }
        JsonNode answer = parse(response.body(), uri);
        if (response.statusCode() != 200) {
            String error = answer.path("error").asText("HTTP " + response.statusCode());
            throw new IOException(uri + " refused: " + error);
        }
        Set<Integer> isolated = new TreeSet<>();
        answer.path("isolated").forEach(node -> isolated.add(node.asInt()));
        return isolated;
    }

    private static JsonNode parse(String body, URI uri) throws IOException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IOException(uri + " answered something other than JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
