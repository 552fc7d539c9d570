package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.Hex;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Batches, notifications and the body limit. */
class JsonRpcBatchTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;

    @BeforeEach
    void mempoolStartsEmpty() {
        // Some tests here submit transactions on purpose.
        fixture.node.clearMempool();
    }

    private static String request(Object id, String method) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\"}";
    }

    private static String notification(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private static String submittable(long nonce) {
        Transaction tx = Transaction.sign(TestGenesis.CHAIN_ID, TestKeys.admin(), nonce,
                new Operation.Grant(TestKeys.stranger().publicKey(), Permission.TRANSFER));
        return "{\"tx\":\"" + Hex.encode(tx.encode()) + "\"}";
    }

    @Test
    void aBatchIsAnsweredByAnArrayInRequestOrder() {
        RpcClient.Answer answer = client.post("[" + request(1, "node_status") + "," + request("\"b\"", "net_peers")
                + "," + request(3, "no_such_method") + "]");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode responses = answer.json();
        assertThat(responses.isArray()).isTrue();
        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(responses.get(0).get("result").get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS);
        assertThat(responses.get(1).get("id").textValue()).isEqualTo("b");
        assertThat(responses.get(1).get("result")).hasSize(InMemoryNode.VALIDATORS - 1);
        assertThat(responses.get(2).get("error").get("code").asInt()).isEqualTo(-32601);
    }

    @Test
    void anEmptyBatchIsOneInvalidRequestError() {
        JsonNode response = client.post("[]").json();
        assertThat(response.isObject()).isTrue();
        assertThat(response.get("id").isNull()).isTrue();
        assertThat(response.get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(response.get("error").get("message").textValue()).contains("the batch is empty");
        fixture.assertStillServingAndMempoolEmpty();
    }

    @Test
    void aBatchOverTheLimitIsRefusedWholeWithoutRunningAnyOfIt() {
        List<String> requests = new ArrayList<>();
        requests.add(notification("tx_submit", submittable(0)));
        for (int i = 0; i < RpcServerFixture.MAX_BATCH; i++) {
            requests.add(request(i, "node_status"));
        }
        JsonNode response = client.post("[" + String.join(",", requests) + "]").json();
        assertThat(response.isObject()).isTrue();
        assertThat(response.get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(response.get("error").get("message").textValue())
                .contains("at most " + RpcServerFixture.MAX_BATCH + " requests")
                .contains("holds " + (RpcServerFixture.MAX_BATCH + 1));
        fixture.assertStillServingAndMempoolEmpty();
    }

    @Test
    void batchElementsThatAreNotRequestsEachGetAnInvalidRequestError() {
        JsonNode responses = client.post("[1, \"x\", " + request(7, "node_status") + "]").json();
        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(responses.get(0).get("id").isNull()).isTrue();
        assertThat(responses.get(1).get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(responses.get(2).get("result").get("chainId").textValue()).isEqualTo("cairn-test");
    }

    @Test
    void aNotificationGetsNoResponseButIsCarriedOut() {
        RpcClient.Answer answer = client.post(notification("tx_submit", submittable(0)));
        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
        assertThat(fixture.node.mempool()).hasSize(1);
    }

    @Test
    void aNotificationThatFailsStillGetsNoResponse() {
        RpcClient.Answer unknown = client.post(notification("no_such_method", "[]"));
        RpcClient.Answer refused = client.post(notification("tx_submit", submittable(5)));
        RpcClient.Answer badParams = client.post(notification("tx_submit", "{\"tx\":\"zz\"}"));
        for (RpcClient.Answer answer : List.of(unknown, refused, badParams)) {
            assertThat(answer.status()).isEqualTo(204);
            assertThat(answer.body()).isEmpty();
        }
        fixture.assertStillServingAndMempoolEmpty();
    }

    @Test
    void aBatchOfOnlyNotificationsIsAnsweredWithNoContent() {
        RpcClient.Answer answer = client.post("[" + notification("node_status", "[]") + ","
                + notification("tx_submit", submittable(0)) + "]");
        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
        assertThat(fixture.node.mempool()).hasSize(1);
    }

    @Test
    void aMixedBatchAnswersOnlyTheCallsInOrder() {
        RpcClient.Answer answer = client.post("[" + notification("tx_submit", submittable(0)) + ","
                + request("\"first\"", "node_status") + "," + notification("no_such_method", "{}") + ","
                + request(2, "tx_get") + "]");
        JsonNode responses = answer.json();
        assertThat(responses).hasSize(2);
        assertThat(responses.get(0).get("id").textValue()).isEqualTo("first");
        // The notification before it ran first: its transaction is already in the mempool.
        assertThat(responses.get(0).get("result").get("mempoolSize").asInt()).isEqualTo(1);
        assertThat(responses.get(1).get("id").asInt()).isEqualTo(2);
        assertThat(responses.get(1).get("error").get("code").asInt()).isEqualTo(-32602);
    }

    @Test
    void aBodyOverTheLimitGetsAJsonRpcErrorAndIsNotRun() {
        String padding = "0".repeat(RpcServerFixture.MAX_BODY_BYTES);
        RpcClient.Answer answer = client.post(notification("tx_submit", "{\"tx\":\"" + padding + "\"}"));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).hasValue("application/json");
        JsonNode response = answer.json();
        assertThat(response.get("id").isNull()).isTrue();
        assertThat(response.get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(response.get("error").get("message").textValue())
                .contains("exceeds the limit of " + RpcServerFixture.MAX_BODY_BYTES + " bytes");
        fixture.assertStillServingAndMempoolEmpty();
    }

    @Test
    void aBodyWithoutALengthIsCountedAgainstTheLimit() {
        // Chunked, so the server cannot refuse it by its Content-Length header.
        byte[] body = ("[" + request(1, "node_status") + "," + " ".repeat(RpcServerFixture.MAX_BODY_BYTES) + "]")
                .getBytes(StandardCharsets.UTF_8);
        RpcClient.Answer answer = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + fixture.server.port() + "/rpc"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("error").get("code").asInt()).isEqualTo(-32600);
        fixture.assertStillServingAndMempoolEmpty();
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String call = request(1, "node_status");
        String padded = call + " ".repeat(RpcServerFixture.MAX_BODY_BYTES - call.length());
        assertThat(client.post(padded).json().get("result").get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS);
    }
}
