package io.cairn.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC 2.0 over HTTP to one node, through the JDK's HttpClient. A call returns the
 * {@code result} or throws a {@link ClientException} whose message is one line: the node cannot be
 * reached, answered something that is not JSON-RPC, or answered an error ({@link RpcCallException}).
 */
public final class JsonRpcClient {
    public static final String DEFAULT_URL = "http://127.0.0.1:8545";
    private static final String RPC_PATH = "/rpc";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    /** Far above any answer (a full block is a few MiB of JSON); a bound on what a wrong server can make us hold. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;

    private final URI endpoint;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong nextId = new AtomicLong();

    public JsonRpcClient(URI endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /**
     * The endpoint for a node URL as a user writes it: {@code http://host:port} means
     * {@code http://host:port/rpc}; a URL with a path is used as it is.
     */
    public static URI endpoint(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("'" + url + "' is not an http:// or https:// URL");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' names no host");
        }
        String path = uri.getRawPath();
        return path == null || path.isEmpty() || path.equals("/") ? uri.resolve(RPC_PATH) : uri;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Calls {@code method} with named {@code params}; the result, which may be a JSON null. */
    public JsonNode call(String method, ObjectNode params) throws ClientException {
        long id = nextId.incrementAndGet();
        ObjectNode request = json.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        request.set("params", params);
        HttpResponse<InputStream> response = send(request.toString());
        return resultOf(method, id, response.statusCode(), read(response));
    }

    private HttpResponse<InputStream> send(String body) throws ClientException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("no connection within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw new ClientException("the node at " + endpoint + " did not answer within "
                    + CALL_TIMEOUT.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw unreachable(e.getCause() instanceof UnresolvedAddressException
                    ? "unknown host" : "connection refused", e);
        } catch (IOException e) {
            throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while calling the node at " + endpoint, e);
        }
    }

    private ClientException unreachable(String why, Exception cause) {
        return new ClientException("cannot reach the node at " + endpoint + ": " + why, cause);
    }

    private byte[] read(HttpResponse<InputStream> response) throws ClientException {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (body.length > MAX_ANSWER_BYTES) {
                throw new ClientException("the node at " + endpoint + " answered more than " + MAX_ANSWER_BYTES + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new ClientException("the answer of the node at " + endpoint + " broke off: " + e.getMessage(), e);
        }
    }

    private JsonNode resultOf(String method, long id, int status, byte[] body) throws ClientException {
        JsonNode answer = parse(body);
        if (answer != null && answer.isObject() && answer.get("error") != null && answer.get("error").isObject()) {
            throw rpcError(method, answer.get("error")); // the node's own words, whatever the HTTP status
        }
        if (status != 200) {
            String message = answer != null && answer.path("message").isTextual()
                    ? ": " + answer.get("message").textValue() : "";
            throw new ClientException("the node at " + endpoint + " answered HTTP " + status + message);
        }
        if (answer == null || !answer.isObject() || !"2.0".equals(answer.path("jsonrpc").textValue())
                || !answer.has("result") || answer.path("id").asLong(-1) != id) {
            throw new ClientException("the node at " + endpoint + " did not answer " + method + " with a JSON-RPC 2.0 result");
        }
        return answer.get("result");
    }

    /** The JSON of the body, or null when it is not JSON at all. */
    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static RpcCallException rpcError(String method, JsonNode error) {
        JsonNode reason = error.path("data").path("reason");
        return new RpcCallException(method, error.path("code").asInt(),
                error.path("message").isTextual() ? oneLine(error.get("message").textValue()) : "(no message)",
                reason.isTextual() ? oneLine(reason.textValue()) : null);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
