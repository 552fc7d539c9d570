package io.cairn.testnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cairn.crypto.Hex;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Transaction;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A chain behind several fake nodes' {@code POST /rpc} (JDK HttpServer): {@code tx_submit} admits a transaction only
 * when its nonce is exactly the sender's next (strict, so a gap is {@code nonce_too_high}), refuses every
 * {@code fullEvery}-th submission with {@code mempool_full}, the same bytes again with {@code duplicate}, and refuses what {@code refuse} names with
 * {@code insufficient_balance}. Each {@code chain_getBlocks} call cuts the pending transactions into a new block.
 */
public final class FakeChainServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HttpServer> servers = new ArrayList<>();
    private final Map<PublicKey, Long> nextNonce = new HashMap<>();
    private final Map<PublicKey, List<Long>> admittedNonces = new HashMap<>();
    private final java.util.Set<String> admitted = new java.util.HashSet<>();
    private final List<String> pending = new ArrayList<>();
    private final List<List<String>> blocks = new ArrayList<>();
    private final Map<String, Integer> refusals = new HashMap<>();
    private final AtomicInteger submissions = new AtomicInteger();
    private final List<Integer> submitBatchSizes = new ArrayList<>();
    private final int fullEvery;
    private final Predicate<Transaction> refuse;

    public FakeChainServer(int nodes, Map<PublicKey, Long> accounts, int fullEvery, Predicate<Transaction> refuse)
            throws IOException {
        this.fullEvery = fullEvery;
        this.refuse = refuse;
        nextNonce.putAll(accounts);
        for (int i = 0; i < nodes; i++) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/rpc", this::handle);
            server.start();
            servers.add(server);
        }
    }

    public List<URI> uris() {
        return servers.stream().map(s -> URI.create("http://127.0.0.1:" + s.getAddress().getPort())).toList();
    }

    void stopNode(int index) {
        servers.get(index).stop(0);
    }

    synchronized List<Long> admittedNonces(PublicKey sender) {
        return List.copyOf(admittedNonces.getOrDefault(sender, List.of()));
    }

    public synchronized Map<String, Integer> refusals() {
        return Map.copyOf(refusals);
    }

    /** How many tx_submit calls each batch request held, in arrival order. */
    synchronized List<Integer> submitBatchSizes() {
        return List.copyOf(submitBatchSizes);
    }

    public synchronized int blockCount() {
        return blocks.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        JsonNode answer;
        if (request.isArray()) {
            recordSubmitBatch(request);
            ArrayNode answers = JSON.createArrayNode();
            request.forEach(one -> answers.add(answer(one)));
            answer = answers;
        } else {
            answer = answer(request);
        }
        byte[] body = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private synchronized void recordSubmitBatch(JsonNode batch) {
        int submits = 0;
        for (JsonNode one : batch) {
            submits += "tx_submit".equals(one.path("method").asText()) ? 1 : 0;
        }
        if (submits > 0) {
            submitBatchSizes.add(submits);
        }
    }

    private synchronized ObjectNode answer(JsonNode request) {
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0").set("id", request.get("id"));
        JsonNode params = request.path("params");
        switch (request.path("method").asText()) {
            case "tx_submit" -> submit(answer, params.path("tx").asText());
            case "chain_getBlocks" -> answer.set("result", head());
            case "chain_getBlock" -> answer.set("result", block(params.path("height").asInt()));
            case "state_getAccount" -> answer.set("result", account(params.path("address").asText()));
            default -> answer.set("error", JSON.createObjectNode().put("code", -32601).put("message", "no method"));
        }
        return answer;
    }

    private void submit(ObjectNode answer, String hex) {
        Transaction tx;
        try {
            tx = Transaction.decode(Hex.decode(hex));
        } catch (Exception e) {
            refuse(answer, "malformed");
            return;
        }
        long expected = nextNonce.getOrDefault(tx.sender(), -1L);
        if (fullEvery > 0 && submissions.incrementAndGet() % fullEvery == 0) {
            refuse(answer, "mempool_full");
        } else if (admitted.contains(tx.hash().toHex())) {
            refuse(answer, "duplicate");
        } else if (expected < 0) {
            refuse(answer, "unknown_sender");
        } else if (tx.nonce() < expected) {
            refuse(answer, "nonce_too_low");
        } else if (tx.nonce() > expected) {
            refuse(answer, "nonce_too_high");
        } else if (refuse.test(tx)) {
            refuse(answer, "insufficient_balance");
        } else {
            nextNonce.put(tx.sender(), expected + 1);
            admittedNonces.computeIfAbsent(tx.sender(), k -> new ArrayList<>()).add(tx.nonce());
            pending.add(tx.hash().toHex());
            admitted.add(tx.hash().toHex());
            answer.set("result", JSON.createObjectNode().put("hash", tx.hash().toHex()));
        }
    }

    private void refuse(ObjectNode answer, String reason) {
        refusals.merge(reason, 1, Integer::sum);
        answer.set("error", JSON.createObjectNode().put("code", -32000).put("message", "transaction refused: " + reason)
                .set("data", JSON.createObjectNode().put("reason", reason).put("message", reason)));
    }

    private ArrayNode head() {
        if (!pending.isEmpty()) {
            blocks.add(List.copyOf(pending));
            pending.clear();
        }
        ArrayNode headers = JSON.createArrayNode();
        if (!blocks.isEmpty()) {
            headers.add(JSON.createObjectNode().put("height", blocks.size()));
        }
        return headers;
    }

    private JsonNode block(int height) {
        if (height < 1 || height > blocks.size()) {
            return JSON.nullNode();
        }
        ArrayNode transactions = JSON.createArrayNode();
        blocks.get(height - 1).forEach(hash -> transactions.add(JSON.createObjectNode().put("hash", hash)));
        ObjectNode block = JSON.createObjectNode();
        block.set("header", JSON.createObjectNode().put("height", height));
        block.set("transactions", transactions);
        return block;
    }

    private JsonNode account(String address) {
        Long nonce = nextNonce.get(PublicKey.fromHex(address));
        return nonce == null ? JSON.nullNode() : JSON.createObjectNode().put("address", address).put("nonce", nonce);
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
    }
}
