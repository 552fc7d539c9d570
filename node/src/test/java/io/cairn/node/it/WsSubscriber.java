package io.cairn.node.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client of one node's {@code /ws}: subscribes, and hands out each subscription's results in order. */
final class WsSubscriber implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
    private final Map<String, BlockingQueue<JsonNode>> results = new ConcurrentHashMap<>();
    private final WebSocket socket;
    private long nextId;

    WsSubscriber(int rpcPort) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + rpcPort + "/ws"), new Listener())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Subscribes with {@code params} (JSON text) and returns the subscription id. */
    String subscribe(String params) throws Exception {
        long id = ++nextId;
        socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"subscribe\",\"params\":" + params + "}",
                true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = answers.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (answer == null || !answer.has("result") || answer.get("id").asLong() != id) {
            throw new AssertionError("subscribe " + params + " answered " + answer);
        }
        return answer.get("result").textValue();
    }

    /** The next result of {@code subscription}, waiting at most 30 s. */
    JsonNode next(String subscription) throws InterruptedException {
        JsonNode result = queue(subscription).poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (result == null) {
            throw new AssertionError("no notification of " + subscription + " within " + TIMEOUT);
        }
        return result;
    }

    private BlockingQueue<JsonNode> queue(String subscription) {
        return results.computeIfAbsent(subscription, id -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode message;
                try {
                    message = JSON.readTree(text.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                text.setLength(0);
                if (message.has("method")) {
                    JsonNode params = message.get("params");
                    queue(params.get("subscription").textValue()).add(params.get("result"));
                } else {
                    answers.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
