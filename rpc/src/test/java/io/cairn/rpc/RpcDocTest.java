package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.rpc.jsonrpc.StrictJson;
import io.cairn.rpc.methods.RpcRoutes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/rpc.md stays complete and true: every routed method has its section with an example,
 * every example request is a JSON-RPC request for a routed method, and every example response
 * has the shape (members, in order, and their JSON types) of what the server answers to that
 * request. The WebSocket chapter's examples are not HTTP calls and are left to its own test.
 */
class RpcDocTest {
    private static final String METHODS = "Methods";
    private static final String WEBSOCKET = "WebSocket";
    private static final ObjectMapper JSON = StrictJson.mapper();

    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final Set<String> ROUTED = new TreeSet<>(RpcRoutes.table(fixture.node).keySet());
    private static RpcDoc doc;

    @BeforeAll
    static void readTheDoc() throws IOException {
        doc = RpcDoc.read();
    }

    private static List<RpcDoc.Example> httpExamples() {
        return doc.examples().stream().filter(example -> !example.chapter().equals(WEBSOCKET)).toList();
    }

    @Test
    void everyRoutedMethodHasASection() {
        assertThat(doc.sections()).containsKey(METHODS);
        Set<String> missing = new TreeSet<>(ROUTED);
        doc.sections().get(METHODS).forEach(missing::remove);
        assertThat(missing).as("routed methods without a '### name' section under '## Methods' in docs/rpc.md").isEmpty();
    }

    @Test
    void everyMethodSectionIsOfARoutedMethod() {
        assertThat(doc.sections().get(METHODS)).as("sections under '## Methods' in docs/rpc.md").isSubsetOf(ROUTED)
                .doesNotHaveDuplicates();
    }

    @Test
    void everyMethodSectionHasAnExampleCallingIt() throws IOException {
        for (String method : ROUTED) {
            List<RpcDoc.Example> examples = httpExamples().stream()
                    .filter(example -> example.section().equals(method)).toList();
            assertThat(examples).as("examples in the section of %s", method).isNotEmpty();
            for (RpcDoc.Example example : examples) {
                assertThat(JSON.readTree(example.request()).get("method").textValue()).as("%s", example).isEqualTo(method);
            }
        }
    }

    @Test
    void everyExampleRequestIsAJsonRpcRequestForARoutedMethod() throws IOException {
        assertThat(httpExamples()).hasSizeGreaterThan(ROUTED.size());
        for (RpcDoc.Example example : httpExamples()) {
            JsonNode body = JSON.readTree(example.request());
            List<JsonNode> requests = new ArrayList<>();
            if (body.isArray()) {
                body.forEach(requests::add);
            } else {
                requests.add(body);
            }
            assertThat(requests).as("%s", example).isNotEmpty();
            for (JsonNode request : requests) {
                assertThat(request.isObject()).as("%s is an object", example).isTrue();
                assertThat(ExpectedJson.fieldNames(request)).as("%s", example)
                        .isSubsetOf("jsonrpc", "id", "method", "params").contains("jsonrpc", "method");
                assertThat(request.get("jsonrpc").textValue()).as("%s", example).isEqualTo("2.0");
                assertThat(request.get("method").textValue()).as("%s", example).isIn(ROUTED);
                if (request.has("params")) {
                    assertThat(request.get("params").isObject() || request.get("params").isArray())
                            .as("%s: params are an object or an array", example).isTrue();
                }
            }
        }
    }

    @Test
    void everyExampleResponseHasTheShapeOfTheServersAnswer() throws IOException {
        // In the document's order: its tx_get example finds the transaction its tx_submit example sent.
        for (RpcDoc.Example example : httpExamples()) {
            JsonNode documented = JSON.readTree(example.response());
            RpcClient.Answer answer = fixture.client.post(example.request());
            assertThat(answer.status()).as("%s", example).isEqualTo(200);
            JsonNode live = answer.json();
            assertThat(shape(documented)).as("%s; the server answers%n%s", example, live.toPrettyString())
                    .isEqualTo(shape(live));
            assertThat(ids(documented)).as("%s: ids", example).isEqualTo(ids(live));
        }
    }

    /** Members in order and JSON types, values left out; an array by its first element. */
    private static String shape(JsonNode node) {
        if (node.isObject()) {
            StringBuilder shape = new StringBuilder("{");
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                shape.append(member.getKey()).append(':').append(shape(member.getValue())).append(',');
            }
            return shape.append('}').toString();
        }
        if (node.isArray()) {
            return node.isEmpty() ? "[]" : "[" + shape(node.get(0)) + "]";
        }
        return node.getNodeType().name();
    }

    private static List<JsonNode> ids(JsonNode response) {
        List<JsonNode> ids = new ArrayList<>();
        if (response.isArray()) {
            response.forEach(each -> ids.add(each.get("id")));
        } else {
            ids.add(response.get("id"));
        }
        return ids;
    }
}
