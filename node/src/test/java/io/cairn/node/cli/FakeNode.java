package io.cairn.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.Transaction;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in node for the client commands: the JDK's HTTP server at {@code /rpc} answering canned
 * JSON-RPC results or errors per method, and recording every request body as it arrived.
 */
final class FakeNode implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One call as it arrived: the parsed method and params, and the raw body. */
    record Call(String method, JsonNode params, String body) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Per method, what to answer to the params: a full "result" or "error" member. */
    private final Map<String, Function<JsonNode, ObjectNode>> answers = new ConcurrentHashMap<>();
    private volatile int rawStatus;
    private volatile String rawBody;

    private FakeNode(HttpServer server) {
        this.server = server;
    }

    static FakeNode start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        FakeNode node = new FakeNode(server);
        server.createContext("/rpc", node::handle);
        server.start();
        return node;
    }

    /** The base URL, as a user would pass it to --rpc. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method} with each of {@code results} in turn, then the last one for ever. */
    FakeNode answer(String method, JsonNode... results) {
        Deque<ObjectNode> queue = new ArrayDeque<>();
        for (JsonNode result : results) {
            ObjectNode member = JSON.createObjectNode();
            member.set("result", result);
            queue.add(member);
        }
        answers.put(method, params -> {
            synchronized (queue) {
                return queue.size() > 1 ? queue.poll() : queue.peek();
            }
        });
        return this;
    }

    /** Answers {@code tx_submit} as a node that admits everything: with the hash of the transaction sent. */
    FakeNode admitEverything() {
        answers.put("tx_submit", params -> {
            try {
                Hash hash = Transaction.decode(Hex.decode(params.get("tx").asText())).hash();
                ObjectNode member = JSON.createObjectNode();
                member.putObject("result").put("hash", hash.toHex());
                return member;
            } catch (DecodeException e) {
                throw new AssertionError("the client sent a transaction that does not decode", e);
            }
        });
        return this;
    }

    /** Answers {@code method} with a JSON-RPC error as Cairn's application errors look. */
    FakeNode refuse(String method, int code, String message, String reason) {
        ObjectNode member = JSON.createObjectNode();
        ObjectNode error = member.putObject("error").put("code", code).put("message", message);
        error.putObject("data").put("reason", reason).put("message", message);
        answers.put(method, params -> member);
        return this;
    }

    /** Answers every request with this status and body instead of JSON-RPC. */
    FakeNode answerRaw(int status, String body) {
        this.rawStatus = status;
        this.rawBody = body;
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<String> methods() {
        return calls.stream().map(Call::method).toList();
    }

    Call only(String method) {
        List<Call> matching = calls.stream().filter(call -> call.method().equals(method)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + method + " call, got " + methods());
        }
        return matching.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode request = JSON.readTree(body);
        String method = request.path("method").asText();
        calls.add(new Call(method, request.path("params"), body));
        if (rawBody != null) {
            send(exchange, rawStatus, rawBody);
            return;
        }
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", request.get("id"));
        response.setAll(answers.getOrDefault(method, FakeNode::methodNotFound).apply(request.path("params")));
        send(exchange, 200, response.toString());
    }

    private static ObjectNode methodNotFound(JsonNode params) {
        ObjectNode member = JSON.createObjectNode();
        member.putObject("error").put("code", -32601).put("message", "method not found");
        return member;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
