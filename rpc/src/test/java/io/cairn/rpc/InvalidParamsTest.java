package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way a method's parameters can be wrong gets -32602 naming the parameter, and changes nothing. */
class InvalidParamsTest {
    private static final String HASH = "ab".repeat(32);

    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;

    @AfterEach
    void nothingChangedAndServerStillAnswers() {
        fixture.assertStillServingAndMempoolEmpty();
    }

    /** The -32602 error of {@code method(params)}; its message must contain {@code expected}. */
    private static JsonNode invalid(String method, String params, String expected) {
        JsonNode error = client.error(method, params);
        assertThat(error.get("code").asInt()).isEqualTo(-32602);
        assertThat(error.get("message").textValue()).startsWith("invalid params: ").contains(expected);
        return error;
    }

    @Test
    void aMissingParameterIsNamed() {
        JsonNode error = invalid("tx_submit", "{}", "'tx' is missing");
        assertThat(error.get("data").get("param").textValue()).isEqualTo("tx");
    }

    @Test
    void noParamsAtAllIsAMissingParameter() {
        invalid("tx_get", null, "'hash' is missing");
    }

    @Test
    void aNullRequiredParameterIsNamed() {
        invalid("tx_get", "{\"hash\":null}", "'hash' must not be null");
    }

    @Test
    void anExtraNamedParameterIsNamed() {
        JsonNode error = invalid("tx_get", "{\"hash\":\"" + HASH + "\",\"verbose\":true}",
                "'verbose' is not a parameter of this method (it takes hash)");
        assertThat(error.get("data").get("param").textValue()).isEqualTo("verbose");
    }

    @Test
    void aParameterForAMethodThatTakesNoneIsRefused() {
        invalid("node_status", "{\"full\":true}", "'full' is not a parameter of this method (it takes none)");
    }

    @Test
    void anExtraPositionalParameterIsRefused() {
        invalid("tx_get", "[\"" + HASH + "\", 1]", "expected at most 1 parameters [hash], got 2");
    }

    @Test
    void aParameterOfTheWrongTypeIsNamed() {
        invalid("tx_submit", "{\"tx\":42}", "'tx' must be a string, got 42");
    }

    @Test
    void aHugeHeightIsInvalidNotOverflowed() {
        invalid("chain_getBlock", "{\"height\":99999999999999999999999999}",
                "'height' must be an integer from 0 to 9223372036854775807, got 99999999999999999999999999");
    }

    @Test
    void aHeightJustPastTheLongRangeIsInvalid() {
        invalid("chain_getBlock", "[9223372036854775808]", "'height' must be an integer from 0");
    }

    @Test
    void aHugeExponentIsInvalid() {
        invalid("chain_getBlock", "{\"height\":1e400}", "'height' must be an integer from 0");
    }

    @Test
    void aFractionalHeightIsInvalid() {
        invalid("chain_getBlock", "{\"height\":1.5}", "'height' must be an integer from 0");
    }

    @Test
    void aNegativeHeightIsInvalid() {
        invalid("chain_getBlock", "{\"height\":-1}", "'height' must be an integer from 0");
    }

    @Test
    void aHeightWordOtherThanLatestIsInvalid() {
        invalid("chain_getBlock", "[\"newest\"]", "'height' must be a non-negative integer or \"latest\"");
    }

    @Test
    void bothHeightAndHashAreRefused() {
        invalid("chain_getBlock", "{\"height\":1,\"hash\":\"" + HASH + "\"}", "exactly one of 'height' and 'hash'");
    }

    @Test
    void neitherHeightNorHashIsRefused() {
        invalid("chain_getBlock", "[]", "exactly one of 'height' and 'hash'");
    }

    @Test
    void invalidHexIsNamed() {
        invalid("tx_submit", "{\"tx\":\"01zz\"}", "'tx' is not valid hex: not a hex character at position 2");
    }

    @Test
    void oddLengthHexIsNamed() {
        invalid("tx_submit", "[\"abc\"]", "'tx' is not valid hex: hex has an odd number of characters");
    }

    @Test
    void anEmptyTransactionIsRefused() {
        invalid("tx_submit", "{\"tx\":\"\"}", "'tx' must not be empty");
    }

    @Test
    void aHashOfTheWrongLengthIsNamed() {
        invalid("tx_get", "{\"hash\":\"abcd\"}", "'hash' is not a hash: expected 64 hex characters");
    }

    @Test
    void aPrefixedHashIsRefused() {
        invalid("chain_getBlock", "{\"hash\":\"0x" + HASH.substring(2) + "\"}", "'hash' is not a hash");
    }

    @Test
    void anAddressThatIsNotAKeyIsNamed() {
        invalid("state_getAccount", "{\"address\":\"" + HASH + "00\"}", "'address' is not a public key");
    }
}
