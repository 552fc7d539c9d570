package io.cairn.rpc;

import static io.cairn.rpc.ExpectedJson.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.rpc.api.NodeEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JSON-RPC over /ws: the HTTP API's methods work there too, and every bad request gets the same
 * error code as over HTTP, leaves the client without a subscription, and keeps the socket open.
 */
class WsRequestErrorsTest {
    private static WsServerFixture fixture;
    private WsClient client;

    @BeforeAll
    static void start() throws IOException {
        fixture = new WsServerFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void connect() {
        client = fixture.connect();
    }

    /** The socket still answers, and every subscription slot is free: the bad request took none. */
    @AfterEach
    void socketStillServesWithNoSubscriptionTaken() {
        assertThat(client.result("node_status", null).get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WsServerFixture.MAX_SUBSCRIPTIONS; i++) {
            ids.add(client.subscribe("{\"topic\":\"consensus\"}"));
        }
        fixture.node.publish(new NodeEvent.ConsensusChanged(1, 0, 1, false));
        for (int i = 0; i < ids.size(); i++) {
            assertThat(client.nextNotification().get("params").get("subscription").textValue()).isIn(ids);
        }
        assertThat(client.pendingNotifications()).as("nothing for a subscription the bad request made").isEmpty();
        client.close();
    }

    /** The error answering raw {@code text}, with the id it echoes ({@code null} when none could be read). */
    private JsonNode rawError(String text, String id, int code) {
        client.send(text);
        JsonNode answer = client.nextAnswer();
        assertThat(answer.get("id").toString()).isEqualTo(id);
        assertThat(answer.get("error").get("code").asInt()).isEqualTo(code);
        return answer.get("error");
    }

    private JsonNode invalidParam(String method, String params, String param) {
        JsonNode error = client.error(method, params);
        assertThat(error.get("code").asInt()).isEqualTo(-32602);
        assertThat(error.get("data").get("param").textValue()).isEqualTo(param);
        return error;
    }

    @Test
    void httpMethodsAnswerOverTheSocketAsOverHttp() {
        JsonNode status = client.result("node_status", null);
        assertThat(status).isEqualTo(new RpcClient(fixture.server.port()).result("node_status", null));
        JsonNode block = client.result("chain_getBlock", "{\"height\":2}");
        assertThat(block.get("header").get("height").asLong()).isEqualTo(2);
    }

    @Test
    void aBatchIsAnsweredInOneMessage() {
        client.send("[{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"node_status\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"subscribe\",\"params\":{\"topic\":\"nope\"}}]");
        JsonNode answers = client.nextAnswer();
        assertThat(answers.isArray()).isTrue();
        assertThat(answers.get(0).get("id").textValue()).isEqualTo("a");
        assertThat(answers.get(0).get("result").get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS);
        assertThat(answers.get(1).get("error").get("code").asInt()).isEqualTo(-32602);
    }

    @Test
    void badJsonIsAParseError() {
        JsonNode error = rawError("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", "null", -32700);
        assertThat(error.get("message").textValue()).startsWith("parse error: ");
    }

    @Test
    void aWrongVersionIsAnInvalidRequest() {
        JsonNode error = rawError("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"subscribe\"}", "1", -32600);
        assertThat(error.get("message").textValue()).contains("'jsonrpc' must be the string \"2.0\"");
    }

    @Test
    void aBinaryMessageIsAnInvalidRequest() {
        client.sendBinary("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"node_status\"}".getBytes(StandardCharsets.UTF_8));
        JsonNode error = client.nextAnswer().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(-32600);
        assertThat(error.get("message").textValue()).contains("send JSON-RPC as text");
    }

    @Test
    void anUnknownMethodIsNotFound() {
        JsonNode error = client.error("eth_subscribe", "[\"newHeads\"]");
        assertThat(error.get("code").asInt()).isEqualTo(-32601);
        assertThat(error.get("message").textValue()).isEqualTo("method not found: 'eth_subscribe'");
    }

    @Test
    void anUnknownTopicNamesTheTopics() {
        JsonNode error = invalidParam("subscribe", "{\"topic\":\"newHeads\"}", "topic");
        assertThat(error.get("message").textValue()).isEqualTo("invalid params: 'topic' must be one of newBlocks, "
                + "newTransactions, txStatus, consensus, got 'newHeads'");
    }

    @Test
    void aMissingTopicIsInvalid() {
        JsonNode error = invalidParam("subscribe", "{}", "topic");
        assertThat(error.get("message").textValue()).isEqualTo("invalid params: 'topic' is missing");
    }

    @Test
    void aTopicThatIsNotAStringIsInvalid() {
        JsonNode error = invalidParam("subscribe", "[7]", "topic");
        assertThat(error.get("message").textValue()).contains("'topic' must be a string, got 7");
    }

    @Test
    void txStatusWithoutAHashIsInvalid() {
        JsonNode error = invalidParam("subscribe", "{\"topic\":\"txStatus\"}", "hash");
        assertThat(error.get("message").textValue()).isEqualTo("invalid params: 'hash' is missing");
    }

    @Test
    void txStatusWithABadHashIsInvalid() {
        JsonNode error = invalidParam("subscribe", "[\"txStatus\",\"abc\"]", "hash");
        assertThat(error.get("message").textValue()).contains("'hash' is not a hash");
    }

    @Test
    void aHashForAnotherTopicIsInvalid() {
        String hash = "00".repeat(32);
        JsonNode error = invalidParam("subscribe", "{\"topic\":\"newBlocks\",\"hash\":\"" + hash + "\"}", "hash");
        assertThat(error.get("message").textValue()).isEqualTo("invalid params: 'hash' is only for the txStatus topic");
    }

    @Test
    void anUnknownParameterIsInvalid() {
        JsonNode error = invalidParam("subscribe", "{\"topic\":\"newBlocks\",\"from\":1}", "from");
        assertThat(error.get("message").textValue()).contains("it takes topic, hash");
    }

    @Test
    void unsubscribingAnUnknownSubscriptionAnswersFalse() {
        assertThat(client.result("unsubscribe", "[\"0123456789abcdef\"]").asBoolean()).isFalse();
    }

    @Test
    void unsubscribeWithoutASubscriptionIsInvalid() {
        JsonNode error = invalidParam("unsubscribe", "{}", "subscription");
        assertThat(error.get("message").textValue()).isEqualTo("invalid params: 'subscription' is missing");
        assertThat(fieldNames(error)).containsExactly("code", "message", "data");
    }

    @Test
    void aNotificationGetsNoAnswer() {
        client.send("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":{\"topic\":\"nope\"}}");
        // The next answer is the one to this call: the notification above got none, not even an error.
        assertThat(client.call("node_status", null).get("id").asLong()).isEqualTo(1);
        assertThat(client.arrivals()).hasSize(1);
    }
}
