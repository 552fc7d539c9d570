package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real WebSocket client (the JDK's) on the server's {@code /ws}: JSON-RPC calls with their
 * answers, notifications as they arrive, and the close code. It reads one message at a time and
 * can stop reading altogether, as a stuck client would, which leaves the server's writes pending.
 */
final class WsClient implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How the server ended the connection. */
    record Closing(int code, String reason) {}

    private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closing> closing = new CompletableFuture<>();
    private final List<JsonNode> arrivals = new CopyOnWriteArrayList<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicLong nextId = new AtomicLong(1);
    private volatile boolean reading = true;
    private final WebSocket socket;

    private WsClient(int port) {
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Listener())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot connect to ws://127.0.0.1:" + port + "/ws", e);
        }
    }

    static WsClient connect(int port) {
        return new WsClient(port);
    }

    /** One call with the next id; {@code params} is JSON text or null. Returns the whole answer. */
    JsonNode call(String method, String params) {
        long id = nextId.getAndIncrement();
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}");
        JsonNode answer = nextAnswer();
        assertThat(answer.get("id").asLong()).as("id of the answer %s", answer).isEqualTo(id);
        return answer;
    }

    JsonNode result(String method, String params) {
        JsonNode answer = call(method, params);
        assertThat(answer.has("error")).as("error in %s", answer).isFalse();
        return answer.get("result");
    }

    JsonNode error(String method, String params) {
        JsonNode answer = call(method, params);
        assertThat(answer.has("result")).as("result in %s", answer).isFalse();
        return answer.get("error");
    }

    /** Subscribes and returns the subscription id. */
    String subscribe(String params) {
        JsonNode id = result("subscribe", params);
        assertThat(id.isTextual()).as("subscription id %s", id).isTrue();
        return id.textValue();
    }

    /** Sends raw text as one message. */
    void send(String text) {
        try {
            socket.sendText(text, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot send " + text, e);
        }
    }

    void sendBinary(byte[] bytes) {
        try {
            socket.sendBinary(ByteBuffer.wrap(bytes), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot send binary", e);
        }
    }

    /** The next answer (not a notification), waiting at most {@link #TIMEOUT}. */
    JsonNode nextAnswer() {
        return poll(answers, "an answer");
    }

    /** The next notification, waiting at most {@link #TIMEOUT}. */
    JsonNode nextNotification() {
        return poll(notifications, "a notification");
    }

    /** The next notification's {@code params}, checked to belong to {@code subscription}. */
    JsonNode nextResultOf(String subscription) {
        JsonNode notification = nextNotification();
        assertThat(notification.get("jsonrpc").textValue()).isEqualTo("2.0");
        assertThat(notification.get("method").textValue()).isEqualTo("subscription");
        assertThat(notification.has("id")).isFalse();
        assertThat(notification.get("params").get("subscription").textValue()).isEqualTo(subscription);
        return notification.get("params").get("result");
    }

    /** Notifications received and not yet taken. */
    List<JsonNode> pendingNotifications() {
        List<JsonNode> all = new ArrayList<>();
        notifications.drainTo(all);
        return all;
    }

    /** Every message so far, answers and notifications, in the order they arrived. */
    List<JsonNode> arrivals() {
        return List.copyOf(arrivals);
    }

    int pings() {
        return pings.get();
    }

    /** Stops asking for messages: the JDK client then stops reading the socket. */
    void stopReading() {
        reading = false;
    }

    /** Reads again, as fast as messages come. */
    void startReading() {
        reading = true;
        socket.request(Long.MAX_VALUE);
    }

    /** How the server closed the connection, waiting at most {@link #TIMEOUT}. */
    Closing awaitClose() {
        try {
            return closing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the server did not close the connection", e);
        }
    }

    boolean isClosed() {
        return closing.isDone();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static JsonNode poll(BlockingQueue<JsonNode> queue, String what) {
        try {
            JsonNode next = queue.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no " + what + " within " + TIMEOUT);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode message = parse(text.toString());
                text.setLength(0);
                arrivals.add(message);
                (message.has("method") ? notifications : answers).add(message);
            }
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            pings.incrementAndGet();
            if (reading) { // the JDK answers the ping with a pong itself
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closing.complete(new Closing(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closing.completeExceptionally(error);
        }

        private JsonNode parse(String message) {
            try {
                return MAPPER.readTree(message);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + message, e);
            }
        }
    }
}
