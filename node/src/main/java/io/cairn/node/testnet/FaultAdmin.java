package io.cairn.node.testnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cairn.node.p2p.PeerNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test-only fault-injection admin of a node started for a testnet: {@code POST /partition}
 * with {@code {"isolate":[validator indices]}} and {@code POST /heal}, both answering
 * {@code {"isolated":[...]}}. It exists only when the config has {@code testnet.adminListen},
 * which the config reader accepts on a loopback address only.
 */
public final class FaultAdmin implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FaultAdmin.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpServer server;
    private final PeerNetwork network;
    private final int self;
    private final int validators;

    private FaultAdmin(HttpServer server, PeerNetwork network, int self, int validators) {
        this.server = server;
        this.network = network;
        this.self = self;
        this.validators = validators;
    }

    /** Binds {@code address} (loopback, checked by the config) and serves until {@link #close}. */
    public static FaultAdmin start(InetSocketAddress address, PeerNetwork network, int self, int validators)
            throws IOException {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the fault-injection admin listens on loopback only, not " + address);
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + " (testnet.adminListen): " + e.getMessage(), e);
        }
        FaultAdmin admin = new FaultAdmin(server, network, self, validators);
        server.createContext("/partition", exchange -> admin.answer(exchange, true));
        server.createContext("/heal", exchange -> admin.answer(exchange, false));
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cairn-fault-admin");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        log.warn("Test-only fault-injection admin listening on {}:{} (testnet.adminListen)",
                address.getHostString(), server.getAddress().getPort());
        return admin;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, boolean partition) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                reply(exchange, 405, error("use POST"));
                return;
            }
            try {
                if (partition) {
                    network.isolate(isolateSet(exchange.getRequestBody()));
                } else {
                    network.heal();
                }
            } catch (BadRequest e) {
                reply(exchange, 400, error(e.getMessage()));
                return;
            }
            ObjectNode body = JSON.createObjectNode();
            new TreeSet<>(network.isolated()).forEach(body.putArray("isolated")::add);
            reply(exchange, 200, body);
        }
    }

    private Set<Integer> isolateSet(InputStream in) throws IOException, BadRequest {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BadRequest("the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new BadRequest("the body is not JSON; expected {\"isolate\":[validator indices]}");
        }
        JsonNode isolate = body == null ? null : body.get("isolate");
        if (isolate == null || !isolate.isArray()) {
            throw new BadRequest("expected {\"isolate\":[validator indices]}");
        }
        Set<Integer> indices = new TreeSet<>();
        for (JsonNode index : isolate) {
            if (!index.isInt() || index.intValue() < 0 || index.intValue() >= validators) {
                throw new BadRequest("no validator " + index + ": this chain has validators 0.." + (validators - 1));
            }
            if (index.intValue() == self) {
                throw new BadRequest("validator " + self + " is this node; it cannot be cut off from itself");
            }
            indices.add(index.intValue());
        }
        return indices;
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }
}
