package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.rpc.jsonrpc.JsonRpcDispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP side: health, JSON for every error page, binding, internal errors, threads. */
class RpcHttpTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;

    private static RpcSettings on(int port) {
        return new RpcSettings("127.0.0.1", port, RpcServerFixture.MAX_BODY_BYTES, RpcServerFixture.MAX_BATCH);
    }

    @Test
    void healthOfANodeInConsensusIsOkWithItsStateAndDetail() {
        RpcClient.Answer answer = client.get("/health");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).hasValue("application/json");
        assertThat(answer.json().toString())
                .isEqualTo("{\"status\":\"consensus\",\"detail\":\"in consensus at height 3\"}");
    }

    @Test
    void anUnknownPathIsA404InJson() {
        RpcClient.Answer answer = client.get("/wp-admin/index.php");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).hasValue("application/json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("<html");
    }

    @Test
    void getOnTheRpcPathIsMethodNotAllowedInJson() {
        RpcClient.Answer answer = client.get("/rpc");
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.contentType()).hasValue("application/json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(answer.status());
    }

    @Test
    void headersTooLargeForJettyAreAnsweredInJson() {
        RpcClient.Answer answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.server.port()
                + "/health")).header("X-Padding", "a".repeat(20_000)).GET().build());
        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.json().get("status").asInt()).isEqualTo(431);
    }

    /** Sends {@code request} as raw bytes, ends the upload, and returns all the server answered. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", fixture.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aMalformedRequestLineIsAnsweredInJson() throws IOException {
        String response = raw("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json")
                .contains("\"status\":400").doesNotContain("<html");
        assertThat(client.get("/health").status()).isEqualTo(200);
    }

    @Test
    void aBodyShorterThanItsLengthIsAParseError() throws IOException {
        String response = raw("POST /rpc HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n[{\"jsonrpc\"");
        assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json")
                .contains("\"code\":-32700").contains("the request body could not be read");
        fixture.assertStillServingAndMempoolEmpty();
    }

    @Test
    void aFailureInsideTheNodeIsAnInternalErrorWithItsStackTraceOnlyInTheLog() {
        fixture.node.failPeersWith(new IllegalStateException("peer table damaged at slot 7"));
        try (LogCapture log = new LogCapture(JsonRpcDispatcher.class)) {
            RpcClient.Answer answer = client.post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"net_peers\"}");
            JsonNode error = answer.json().get("error");
            assertThat(error.get("code").asInt()).isEqualTo(-32603);
            assertThat(error.get("message").textValue()).isEqualTo("internal error");
            assertThat(answer.body()).doesNotContain("IllegalStateException").doesNotContain("slot 7");

            List<ILoggingEvent> events = log.events();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getLevel()).isEqualTo(Level.ERROR);
            assertThat(events.get(0).getFormattedMessage()).contains("net_peers");
            assertThat(events.get(0).getThrowableProxy().getMessage()).isEqualTo("peer table damaged at slot 7");
            assertThat(events.get(0).getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        } finally {
            fixture.node.failPeersWith(null);
        }
        assertThat(client.result("net_peers", null)).hasSize(InMemoryNode.VALIDATORS - 1);
    }

    @Test
    void aPortInUseFailsToStartNamingTheAddress() {
        int taken = fixture.server.port();
        assertThatThrownBy(() -> RpcServer.start(fixture.node, on(taken)))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("127.0.0.1:" + taken);
        assertThat(client.get("/health").status()).isEqualTo(200);
    }

    @Test
    void startingLogsOneLineWithTheAddressAndClosingFreesThePort() throws IOException {
        int port;
        try (LogCapture log = new LogCapture(RpcServer.class)) {
            RpcServer server = RpcServer.start(fixture.node, on(0));
            port = server.port();
            assertThat(port).isPositive().isNotEqualTo(fixture.server.port());
            assertThat(log.events()).hasSize(1);
            assertThat(log.events().get(0).getLevel()).isEqualTo(Level.INFO);
            assertThat(log.events().get(0).getFormattedMessage()).contains("http://127.0.0.1:" + port);
            server.close();
        }
        try (RpcServer again = RpcServer.start(fixture.node, on(port))) {
            assertThat(new RpcClient(again.port()).get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void concurrentCallsAreEachAnsweredWithTheirOwnId() {
        List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 200; i++) {
                String body = "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"chain_getBlock\",\"params\":["
                        + (i % (InMemoryNode.BLOCKS + 1)) + "]}";
                answers.add(CompletableFuture.supplyAsync(() -> client.post(body).json(), callers));
            }
            for (int i = 0; i < answers.size(); i++) {
                JsonNode response = answers.get(i).join();
                assertThat(response.get("id").asInt()).isEqualTo(i);
                long height = i % (InMemoryNode.BLOCKS + 1);
                JsonNode result = response.get("result");
                assertThat(height == 0 ? result.get("height").asLong() : result.get("header").get("height").asLong())
                        .isEqualTo(height);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void requestsAreServedByASmallNamedPool() {
        client.result("node_status", null);
        long rpcThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("cairn-rpc")).count();
        // Every server in this JVM (one per test class, run one at a time) has its own pool of at most 16.
        assertThat(rpcThreads).isBetween(1L, 16L);
    }
}
