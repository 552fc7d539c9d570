package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.rpc.jsonrpc.JsonRpcDispatcher;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tx_submit calls of a batch reach the node as one submitAll, answered as if each came alone. */
class TxSubmitBatchTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;

    @BeforeEach
    void mempoolStartsEmptyAndNothingCounted() {
        fixture.node.clearMempool();
        fixture.node.forgetSubmissions();
    }

    /** A transfer from account {@code from} with its next nonce: admissible once. */
    private static Transaction transfer(int from) {
        long nonce = fixture.node.store().account(TestKeys.account(from).publicKey()).orElseThrow().nonce();
        return Transaction.sign(TestGenesis.CHAIN_ID, TestKeys.account(from), nonce,
                new Operation.Transfer(TestKeys.account((from + 1) % InMemoryNode.ACCOUNTS).publicKey(), 1));
    }

    private static String call(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}";
    }

    private static String submit(int id, byte[] encoded) {
        return call(id, "tx_submit", "{\"tx\":\"" + Hex.encode(encoded) + "\"}");
    }

    private static String submitNotification(byte[] encoded) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"tx_submit\",\"params\":[\"" + Hex.encode(encoded) + "\"]}";
    }

    private static JsonNode batch(List<String> requests) {
        RpcClient.Answer answer = client.post("[" + String.join(",", requests) + "]");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    /** The transactions of each submitAll call, in hex so that they compare by content. */
    private static List<List<String>> batchSubmissions() {
        return fixture.node.batchSubmissions().stream()
                .map(batch -> batch.stream().map(Hex::encode).toList()).toList();
    }

    private static void assertRefused(JsonNode response, int id, String reason) {
        assertThat(response.get("id").asInt()).isEqualTo(id);
        JsonNode error = response.get("error");
        assertThat(error.get("code").asInt()).as("error of %s", response).isEqualTo(-32000);
        assertThat(error.get("data").get("reason").textValue()).isEqualTo(reason);
        assertThat(error.get("message").textValue())
                .isEqualTo("transaction refused: " + error.get("data").get("message").textValue());
    }

    private static void assertAdmitted(JsonNode response, int id, Transaction tx) {
        assertThat(response.get("id").asInt()).isEqualTo(id);
        assertThat(response.get("result").get("hash").textValue()).as("answer %s", response)
                .isEqualTo(tx.hash().toHex());
    }

    @Test
    void aBatchOfSubmissionsIsOneSubmitAllInRequestOrder() {
        Transaction first = transfer(0);
        Transaction second = transfer(1);
        byte[] broken = transfer(2).encode();
        broken[broken.length - 1] ^= 1;
        Transaction fourth = transfer(3);
        Transaction last = transfer(4);
        List<byte[]> sent = List.of(first.encode(), second.encode(), broken, fourth.encode(), first.encode(),
                last.encode());

        JsonNode responses = batch(List.of(submit(1, sent.get(0)), submit(2, sent.get(1)), submit(3, sent.get(2)),
                submit(4, sent.get(3)), submit(5, sent.get(4)), submit(6, sent.get(5))));

        assertThat(batchSubmissions()).containsExactly(sent.stream().map(Hex::encode).toList());
        assertThat(fixture.node.singleSubmissions()).isZero();
        assertThat(responses).hasSize(6);
        assertAdmitted(responses.get(0), 1, first);
        assertAdmitted(responses.get(1), 2, second);
        assertRefused(responses.get(2), 3, "bad_signature");
        assertAdmitted(responses.get(3), 4, fourth);
        assertRefused(responses.get(4), 5, "duplicate");
        assertAdmitted(responses.get(5), 6, last);
        assertThat(fixture.node.mempool()).containsOnlyKeys(first.hash(), second.hash(), fourth.hash(), last.hash());
    }

    @Test
    void aMixedBatchAnswersAsTheSameRequestsSentOneByOne() {
        Transaction admitted = transfer(0);
        Transaction notified = transfer(1);
        String hex = Hex.encode(admitted.encode());
        List<String> requests = List.of(
                call(1, "node_status", null),
                submit(2, admitted.encode()),
                "{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"tx_submit\",\"params\":[\"" + hex + "\"]}",
                call(4, "tx_submit", "{\"tx\":\"zz\"}"),
                submitNotification(notified.encode()),
                call(6, "tx_submit", "[\"" + hex + "\",\"one too many\"]"),
                call(7, "tx_submit", "[\"" + hex + "\"]"),
                call(8, "tx_get", "[\"" + admitted.hash().toHex() + "\"]"));

        JsonNode batched = batch(requests);
        Set<Hash> pendingAfterBatch = fixture.node.mempool().keySet();
        // Only the well-formed tx_submit calls with hex reach the node, the notification's too, in one call.
        assertThat(batchSubmissions()).containsExactly(List.of(hex, Hex.encode(notified.encode()), hex));
        assertThat(fixture.node.singleSubmissions()).isZero();

        fixture.node.clearMempool();
        fixture.node.forgetSubmissions();
        ArrayNode alone = JsonNodeFactory.instance.arrayNode();
        for (String request : requests) {
            RpcClient.Answer answer = client.post(request);
            if (!answer.body().isEmpty()) {
                alone.add(answer.json());
            }
        }

        assertThat(batched).isEqualTo(alone);
        assertThat(fixture.node.mempool().keySet()).isEqualTo(pendingAfterBatch)
                .containsOnly(admitted.hash(), notified.hash());
        assertThat(fixture.node.batchSubmissions()).isEmpty();
        assertThat(fixture.node.singleSubmissions()).isEqualTo(3);
        // And what both answered is right, not merely the same.
        assertThat(batched).extracting(response -> response.get("id").asInt()).containsExactly(1, 2, 3, 4, 6, 7, 8);
        assertThat(batched.get(0).get("result").get("mempoolSize").asInt()).isZero();
        assertAdmitted(batched.get(1), 2, admitted);
        assertThat(batched.get(2).get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(batched.get(3).get("error").get("data").get("param").textValue()).isEqualTo("tx");
        assertThat(batched.get(3).get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(batched.get(4).get("error").get("message").textValue()).contains("expected at most 1 parameters");
        assertRefused(batched.get(5), 7, "duplicate");
        assertThat(batched.get(6).get("result").get("status").textValue()).isEqualTo("pending");
    }

    @Test
    void aFailingSubmitAllAnswersInternalErrorForTheSubmissionsOnly() {
        Transaction first = transfer(0);
        Transaction second = transfer(1);
        List<String> requests = List.of(
                submit(1, first.encode()),
                call(2, "node_status", null),
                call(3, "tx_submit", "[\"00\",\"one too many\"]"),
                submit(4, second.encode()),
                submitNotification(transfer(2).encode()));
        fixture.node.failSubmitAllWith(new IllegalStateException("mempool lock lost at slot 7"));
        RpcClient.Answer answer;
        try (LogCapture log = new LogCapture(JsonRpcDispatcher.class)) {
            answer = client.post("[" + String.join(",", requests) + "]");

            List<ILoggingEvent> events = log.events();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getLevel()).isEqualTo(Level.ERROR);
            assertThat(events.get(0).getFormattedMessage()).contains("tx_submit").contains("3 calls");
            assertThat(events.get(0).getThrowableProxy().getMessage()).isEqualTo("mempool lock lost at slot 7");
        } finally {
            fixture.node.failSubmitAllWith(null);
        }

        assertThat(answer.body()).doesNotContain("IllegalStateException").doesNotContain("slot 7");
        JsonNode responses = answer.json();
        assertThat(responses).extracting(response -> response.get("id").asInt()).containsExactly(1, 2, 3, 4);
        for (int i : new int[] {0, 3}) {
            assertThat(responses.get(i).get("error").get("code").asInt()).isEqualTo(-32603);
            assertThat(responses.get(i).get("error").get("message").textValue()).isEqualTo("internal error");
        }
        assertThat(responses.get(1).get("result").get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS);
        assertThat(responses.get(2).get("error").get("code").asInt()).isEqualTo(-32602);
        fixture.assertStillServingAndMempoolEmpty();

        JsonNode retried = batch(List.of(submit(1, first.encode()), submit(2, second.encode())));
        assertAdmitted(retried.get(0), 1, first);
        assertAdmitted(retried.get(1), 2, second);
    }
}
