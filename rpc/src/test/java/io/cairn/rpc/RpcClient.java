package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Real HTTP to the server on 127.0.0.1 with the JDK client: raw bodies in, status and body out. */
final class RpcClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String base;

    RpcClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** An HTTP answer: its status, Content-Type and body. */
    record Answer(int status, Optional<String> contentType, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    Answer post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    Answer post(byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + "/rpc")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type"), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One call with id 1; {@code params} is JSON text or null for none. Returns the whole response object. */
    JsonNode call(String method, String params) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}";
        Answer answer = post(body);
        assertThat(answer.status()).as("HTTP status of %s", body).isEqualTo(200);
        assertThat(answer.contentType()).hasValue("application/json");
        return answer.json();
    }

    /** The result of a call that must succeed. */
    JsonNode result(String method, String params) {
        JsonNode response = call(method, params);
        assertThat(response.has("error")).as("error in %s", response).isFalse();
        return response.get("result");
    }

    /**
     * The -32602 error of a call with bad parameters: its message must contain {@code expected},
     * and {@code data.param} must name {@code param} (null for errors not about one parameter).
     */
    JsonNode invalidParams(String method, String params, String param, String expected) {
        JsonNode error = error(method, params);
        assertThat(error.get("code").asInt()).as("code of %s", error).isEqualTo(-32602);
        assertThat(error.get("message").textValue()).startsWith("invalid params: ").contains(expected);
        if (param != null) {
            assertThat(error.get("data").get("param").textValue()).isEqualTo(param);
        }
        return error;
    }

    /** The error object of a call that must fail. */
    JsonNode error(String method, String params) {
        JsonNode response = call(method, params);
        assertThat(response.has("result")).as("result in %s", response).isFalse();
        return response.get("error");
    }
}
