package io.cairn.rpc;

import static io.cairn.rpc.ExpectedJson.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.store.LedgerStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** chain_getBlocks: headers newest first from a height, at most a limit, for the explorer's dashboard. */
class ChainBlocksMethodTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;
    private static final LedgerStore store = fixture.node.store();

    private static List<Long> heights(JsonNode headers) {
        List<Long> heights = new ArrayList<>();
        headers.forEach(header -> heights.add(header.get("height").asLong()));
        return heights;
    }

    @Test
    void withoutParamsItListsTheHeadFirst() {
        JsonNode headers = client.result("chain_getBlocks", null);
        // The fixture's chain is 3 blocks, under the default limit of 20.
        assertThat(heights(headers)).containsExactly(3L, 2L, 1L);
        assertThat(client.result("chain_getBlocks", "{}")).isEqualTo(headers);
    }

    @Test
    void eachHeaderShowsItsHashAndFieldsAsStored() {
        JsonNode headers = client.result("chain_getBlocks", "{\"from\":\"latest\"}");
        for (JsonNode json : headers) {
            BlockHeader header = store.header(json.get("height").asLong()).orElseThrow();
            assertThat(fieldNames(json)).containsExactly("height", "hash", "timestampMillis", "proposer", "view",
                    "transactionCount", "stateRoot", "transactionsRoot", "parentHash");
            assertThat(json.get("hash").textValue()).isEqualTo(header.hash().toHex());
            assertThat(json.get("timestampMillis").asLong()).isEqualTo(header.timestampMillis());
            assertThat(json.get("proposer").textValue()).isEqualTo(header.proposer().toHex());
            assertThat(json.get("view").asLong()).isEqualTo(header.view());
            assertThat(json.get("transactionCount").asInt()).isEqualTo(InMemoryNode.TRANSACTIONS_PER_BLOCK);
            assertThat(json.get("stateRoot").textValue()).isEqualTo(header.stateRoot().toHex());
            assertThat(json.get("transactionsRoot").textValue()).isEqualTo(header.transactionsRoot().toHex());
            assertThat(json.get("parentHash").textValue()).isEqualTo(header.parentHash().toHex());
        }
        // Newest first: each header's parent is the next one listed.
        assertThat(headers.get(0).get("parentHash")).isEqualTo(headers.get(1).get("hash"));
        assertThat(headers.get(1).get("parentHash")).isEqualTo(headers.get(2).get("hash"));
    }

    @Test
    void fromAndLimitChooseTheRange() {
        assertThat(heights(client.result("chain_getBlocks", "{\"from\":2}"))).containsExactly(2L, 1L);
        assertThat(heights(client.result("chain_getBlocks", "{\"from\":3,\"limit\":2}"))).containsExactly(3L, 2L);
        assertThat(heights(client.result("chain_getBlocks", "[2, 1]"))).containsExactly(2L);
        assertThat(heights(client.result("chain_getBlocks", "[null, 1]"))).containsExactly(3L);
        assertThat(heights(client.result("chain_getBlocks", "{\"limit\":100}"))).containsExactly(3L, 2L, 1L);
    }

    @Test
    void aStartAboveTheHeadStartsAtTheHead() {
        assertThat(heights(client.result("chain_getBlocks", "{\"from\":9223372036854775807,\"limit\":1}")))
                .containsExactly(3L);
    }

    @Test
    void heightZeroIsTheGenesisWhichHasNoHeader() {
        assertThat(client.result("chain_getBlocks", "{\"from\":0}")).isEmpty();
    }

    static List<BadCall> badCalls() {
        String method = "chain_getBlocks";
        String limitRange = "'limit' must be an integer from 1 to 100, got ";
        return List.of(
                new BadCall("limit 0", method, "{\"limit\":0}", "limit", limitRange + "0"),
                new BadCall("limit 101", method, "{\"limit\":101}", "limit", limitRange + "101"),
                new BadCall("negative limit", method, "{\"limit\":-1}", "limit", limitRange + "-1"),
                new BadCall("fractional limit", method, "{\"limit\":2.5}", "limit", limitRange + "2.5"),
                new BadCall("limit as a string", method, "{\"limit\":\"5\"}", "limit", limitRange + "\"5\""),
                new BadCall("huge limit", method, "{\"limit\":99999999999999999999}", "limit",
                        limitRange + "99999999999999999999"),
                new BadCall("negative from", method, "{\"from\":-1}", "from", "'from' must be an integer from 0"),
                new BadCall("huge from", method, "[1e400]", "from", "'from' must be an integer from 0"),
                new BadCall("a word other than latest", method, "{\"from\":\"newest\"}", "from",
                        "'from' must be a non-negative integer or \"latest\", got \"newest\""),
                new BadCall("from as an object", method, "{\"from\":{}}", "from", "'from' must be an integer from 0"),
                new BadCall("an extra named parameter", method, "{\"to\":1}", "to",
                        "'to' is not a parameter of this method (it takes from, limit)"),
                new BadCall("an extra position", method, "[3, 1, 1]", null,
                        "expected at most 2 parameters [from, limit], got 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badParamsAreRefusedAndChangeNothing(BadCall call) {
        call.assertRefusedBy(client);
        fixture.assertStillServingAndMempoolEmpty();
    }
}
