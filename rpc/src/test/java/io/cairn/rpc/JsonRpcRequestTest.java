package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Single requests that are not well-formed JSON-RPC 2.0, and how ids come back. */
class JsonRpcRequestTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;

    @AfterEach
    void nothingChangedAndServerStillAnswers() {
        fixture.assertStillServingAndMempoolEmpty();
    }

    /** The response to {@code body}: HTTP 200, JSON, an error with {@code code} and {@code id}. */
    static JsonNode errorFor(String body, int code, String id) {
        RpcClient.Answer answer = client.post(body);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).hasValue("application/json");
        JsonNode response = answer.json();
        assertThat(response.get("jsonrpc").textValue()).isEqualTo("2.0");
        assertThat(response.get("id").toString()).isEqualTo(id);
        assertThat(response.has("result")).isFalse();
        assertThat(response.get("error").get("code").asInt()).isEqualTo(code);
        return response.get("error");
    }

    @Test
    void truncatedJsonIsAParseError() {
        JsonNode error = errorFor("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", -32700, "null");
        assertThat(error.get("message").textValue()).startsWith("parse error: ").contains("line 1");
    }

    @Test
    void trailingBytesAfterTheRequestAreAParseError() {
        errorFor("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"node_status\"} {}", -32700, "null");
    }

    @Test
    void anEmptyBodyIsAParseError() {
        JsonNode error = errorFor("", -32700, "null");
        assertThat(error.get("message").textValue()).contains("empty");
    }

    @Test
    void aDuplicateKeyIsAParseError() {
        JsonNode error = errorFor("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"node_status\"}", -32700, "null");
        assertThat(error.get("message").textValue()).contains("Duplicate field 'id'");
    }

    @Test
    void nestingDeeperThanAnyRequestNeedsIsAParseError() {
        String deep = "[".repeat(100) + "]".repeat(100);
        errorFor("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tx_get\",\"params\":" + deep + "}", -32700, "null");
    }

    @Test
    void aWrongJsonRpcVersionIsAnInvalidRequest() {
        JsonNode error = errorFor("{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"node_status\"}", -32600, "3");
        assertThat(error.get("message").textValue()).contains("'jsonrpc' must be the string \"2.0\"");
    }

    @Test
    void aMissingJsonRpcVersionIsAnInvalidRequest() {
        errorFor("{\"id\":3,\"method\":\"node_status\"}", -32600, "3");
    }

    @Test
    void aVersionGivenAsANumberIsAnInvalidRequest() {
        errorFor("{\"jsonrpc\":2.0,\"id\":3,\"method\":\"node_status\"}", -32600, "3");
    }

    @Test
    void aMethodThatIsNotAStringIsAnInvalidRequest() {
        JsonNode error = errorFor("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":1}", -32600, "4");
        assertThat(error.get("message").textValue()).contains("'method' must be a string");
    }

    @Test
    void aMissingMethodIsAnInvalidRequest() {
        errorFor("{\"jsonrpc\":\"2.0\",\"id\":4}", -32600, "4");
    }

    @Test
    void paramsThatAreNeitherObjectNorArrayAreAnInvalidRequest() {
        JsonNode error = errorFor("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tx_get\",\"params\":\"ab\"}", -32600, "5");
        assertThat(error.get("message").textValue()).contains("'params' must be an object or an array");
    }

    @Test
    void anUnknownMemberIsAnInvalidRequest() {
        JsonNode error = errorFor("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"node_status\",\"param\":{}}", -32600, "6");
        assertThat(error.get("message").textValue()).contains("unknown member 'param'");
    }

    @Test
    void aRequestThatIsNotAnObjectIsAnInvalidRequest() {
        errorFor("\"node_status\"", -32600, "null");
    }

    @Test
    void anIdThatIsAnObjectIsAnInvalidRequestAnsweredWithANullId() {
        JsonNode error = errorFor("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"node_status\"}", -32600, "null");
        assertThat(error.get("message").textValue()).contains("'id' must be a string, a number or null");
    }

    @Test
    void anUnknownMethodIsMethodNotFoundNamingIt() {
        JsonNode error = errorFor("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"chain_getBlok\"}", -32601, "\"x\"");
        assertThat(error.get("message").textValue()).contains("'chain_getBlok'");
    }

    @Test
    void idsComeBackExactlyAsSent() {
        for (String id : new String[] {"\"abc\"", "\"\"", "0", "-7", "123456789012345678901234567890", "1.50", "null"}) {
            RpcClient.Answer answer = client.post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"node_status\"}");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).as("id %s", id).contains("\"id\":" + id);
            assertThat(answer.json().get("result").get("chainId").textValue()).isEqualTo("cairn-test");
        }
    }

    @Test
    void aSuccessfulResponseHasExactlyJsonRpcIdAndResult() {
        JsonNode response = client.call("chain_getValidators", null);
        assertThat(response.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("jsonrpc", "id", "result");
    }
}
