package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cairn.rpc.jsonrpc.JsonRpcDispatcher;
import io.cairn.rpc.jsonrpc.Params;
import io.cairn.rpc.jsonrpc.RpcException;
import io.cairn.rpc.jsonrpc.RpcMethod;
import io.cairn.rpc.jsonrpc.RpcMethod.Outcome;
import io.cairn.rpc.jsonrpc.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's side of batch handlers, over methods that write down what ran: when a group
 * runs, what it is given, and a handler that breaks its promise of one outcome per call.
 */
class BatchHandlerDispatchTest {
    private final List<String> ran = new CopyOnWriteArrayList<>();

    /** Answers each call's 'x'; its batch handler writes down the whole group it was given. */
    private RpcMethod echo(String name) {
        return new RpcMethod(List.of("x"), params -> {
            ran.add(name + " alone");
            return params.required("x");
        }, Optional.of(calls -> {
            List<String> given = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>();
            for (Params params : calls) {
                try {
                    given.add(params.text("x"));
                    outcomes.add(new Outcome.Result(params.required("x")));
                } catch (RpcException e) {
                    given.add("?");
                    outcomes.add(new Outcome.Failure(e.error()));
                }
            }
            ran.add(name + given);
            return outcomes;
        }));
    }

    private final JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(StrictJson.mapper(), Map.of(
            "a", echo("a"),
            "b", echo("b"),
            "plain", new RpcMethod(List.of("x"), params -> {
                ran.add("plain " + params.text("x"));
                return TextNode.valueOf("plain");
            }),
            "short", new RpcMethod(List.of("x"), params -> TextNode.valueOf("alone"),
                    Optional.of(calls -> List.of()))), 16);

    private static String call(int id, String method, String x) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":[" + x + "]}";
    }

    private JsonNode batch(String... requests) {
        return dispatcher.handle(("[" + String.join(",", requests) + "]").getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
    }

    @Test
    void eachGroupRunsOnceWhereItsFirstCallStandsAndAnswersStayInRequestOrder() {
        JsonNode responses = batch(call(1, "plain", "\"p1\""), call(2, "a", "\"a1\""), call(3, "b", "\"b1\""),
                call(4, "plain", "\"p2\""), call(5, "a", "\"a2\""), call(6, "a", "7"),
                "{\"jsonrpc\":\"2.0\",\"method\":\"b\",\"params\":[\"b2\"]}", call(8, "a", "\"a3\",\"extra\""));

        assertThat(ran).containsExactly("plain p1", "a[a1, a2, ?]", "b[b1, b2]", "plain p2");
        assertThat(responses).extracting(response -> response.get("id").asInt())
                .containsExactly(1, 2, 3, 4, 5, 6, 8);
        assertThat(responses.get(1).get("result").textValue()).isEqualTo("a1");
        assertThat(responses.get(2).get("result").textValue()).isEqualTo("b1");
        assertThat(responses.get(4).get("result").textValue()).isEqualTo("a2");
        // A bad param inside the group fails its own call; one that does not bind never reaches the handler.
        assertThat(responses.get(5).get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(responses.get(6).get("error").get("message").textValue()).contains("expected at most 1");
    }

    @Test
    void aSingleRequestUsesTheSingleHandler() {
        JsonNode response = dispatcher.handle(call(1, "a", "\"x\"").getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(response.get("result").textValue()).isEqualTo("x");
        assertThat(ran).containsExactly("a alone");
    }

    @Test
    void aHandlerAnsweringTooFewOutcomesIsAnInternalErrorForEachOfItsCalls() {
        JsonNode responses = batch(call(1, "short", "1"), call(2, "plain", "\"p\""), call(3, "short", "2"));

        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).get("error").get("code").asInt()).isEqualTo(-32603);
        assertThat(responses.get(1).get("result").textValue()).isEqualTo("plain");
        assertThat(responses.get(2).get("error").get("code").asInt()).isEqualTo(-32603);
    }
}
