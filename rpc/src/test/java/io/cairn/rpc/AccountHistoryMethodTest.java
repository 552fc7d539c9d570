package io.cairn.rpc;

import static io.cairn.rpc.ExpectedJson.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** tx_listByAccount: an account's committed transactions, newest first, a page at a time. */
class AccountHistoryMethodTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;
    private static final LedgerStore store = fixture.node.store();
    private static final PublicKey ACCOUNT = TestKeys.account(1).publicKey();

    /** Read from the blocks, not the index: "height:index" of each transaction from or to {@code account}, newest first. */
    private static List<String> expectedPlaces(PublicKey account) {
        List<String> places = new ArrayList<>();
        for (long height = InMemoryNode.BLOCKS; height >= 1; height--) {
            List<Transaction> transactions = store.block(height).orElseThrow().transactions();
            for (int i = transactions.size() - 1; i >= 0; i--) {
                Transaction tx = transactions.get(i);
                if (tx.sender().equals(account)
                        || tx.operation() instanceof Operation.Transfer transfer && transfer.to().equals(account)) {
                    places.add(height + ":" + i);
                }
            }
        }
        return places;
    }

    private static List<String> places(JsonNode page) {
        List<String> places = new ArrayList<>();
        page.get("transactions").forEach(tx -> places.add(tx.get("height").asLong() + ":" + tx.get("index").asInt()));
        return places;
    }

    @Test
    void onePageHoldsAllOfAShortHistoryAndNoNextCursor() {
        List<String> expected = expectedPlaces(ACCOUNT);
        assertThat(expected).as("the seeded chain involves account 1 a few times").hasSizeBetween(3, 20);

        JsonNode page = client.result("tx_listByAccount", "{\"address\":\"" + ACCOUNT.toHex() + "\"}");
        assertThat(fieldNames(page)).containsExactly("transactions", "next");
        assertThat(places(page)).isEqualTo(expected);
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void eachEntryShowsTheTransactionAndHowItEnded() {
        JsonNode page = client.result("tx_listByAccount", "[\"" + ACCOUNT.toHex() + "\"]");
        for (JsonNode entry : page.get("transactions")) {
            Transaction tx = store.block(entry.get("height").asLong()).orElseThrow().transactions()
                    .get(entry.get("index").asInt());
            assertThat(fieldNames(entry)).containsExactly("hash", "height", "index", "kind", "sender", "outcome");
            assertThat(entry.get("hash").textValue()).isEqualTo(tx.hash().toHex());
            assertThat(entry.get("kind").textValue()).isEqualTo(tx.operation().kind().jsonName());
            assertThat(entry.get("sender").textValue()).isEqualTo(tx.sender().toHex());
            assertThat(entry.get("outcome").textValue())
                    .isEqualTo(store.receipt(tx.hash()).orElseThrow().outcome().name().toLowerCase());
        }
    }

    @Test
    void pagesFollowTheNextCursorWithoutGapsOrRepeats() {
        List<String> expected = expectedPlaces(ACCOUNT);
        for (int limit = 1; limit <= expected.size(); limit++) {
            List<String> paged = new ArrayList<>();
            JsonNode page = client.result("tx_listByAccount", "{\"address\":\"" + ACCOUNT.toHex() + "\",\"limit\":" + limit + "}");
            while (true) {
                assertThat(page.get("transactions").size()).isBetween(1, limit);
                paged.addAll(places(page));
                if (page.get("next").isNull()) {
                    break;
                }
                // The cursor is the last shown transaction's place.
                assertThat(page.get("next").textValue()).isEqualTo(paged.get(paged.size() - 1));
                page = client.result("tx_listByAccount", "[\"" + ACCOUNT.toHex() + "\",\"" + page.get("next").textValue()
                        + "\"," + limit + "]");
            }
            assertThat(paged).as("pages of %d", limit).isEqualTo(expected);
        }
    }

    @Test
    void anAccountWithoutTransactionsHasAnEmptyPage() {
        JsonNode page = client.result("tx_listByAccount", "{\"address\":\"" + TestKeys.stranger().publicKey().toHex() + "\"}");
        assertThat(page.get("transactions")).isEmpty();
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void aCursorBeforeTheFirstBlockGivesAnEmptyPage() {
        JsonNode page = client.result("tx_listByAccount", "{\"address\":\"" + ACCOUNT.toHex() + "\",\"before\":\"1:0\"}");
        assertThat(page.get("transactions")).isEmpty();
        assertThat(page.get("next").isNull()).isTrue();
    }

    static List<BadCall> badCalls() {
        String method = "tx_listByAccount";
        String address = "\"address\":\"" + TestKeys.account(1).publicKey().toHex() + "\"";
        String notACursor = "'before' is not a cursor: ";
        String limitRange = "'limit' must be an integer from 1 to 100, got ";
        return List.of(
                new BadCall("no address", method, "{\"limit\":5}", "address", "'address' is missing"),
                new BadCall("an address that is not a key", method, "{\"address\":\"abcd\"}", "address",
                        "'address' is not a public key"),
                new BadCall("before as a number", method, "{" + address + ",\"before\":5}", "before",
                        "'before' must be a string, got 5"),
                new BadCall("before without an index", method, "{" + address + ",\"before\":\"3\"}", "before",
                        notACursor + "expected \"<height>:<index>\""),
                new BadCall("before with a sign", method, "{" + address + ",\"before\":\"-3:1\"}", "before",
                        notACursor + "expected \"<height>:<index>\""),
                new BadCall("before at height 0", method, "{" + address + ",\"before\":\"0:0\"}", "before",
                        notACursor + "a cursor's height must be at least 1"),
                new BadCall("before past the height range", method, "{" + address + ",\"before\":\"9999999999999999999:0\"}",
                        "before", notACursor + "its height or index is out of range"),
                new BadCall("before past the index range", method, "{" + address + ",\"before\":\"3:2147483648\"}",
                        "before", notACursor + "its height or index is out of range"),
                new BadCall("limit 0", method, "{" + address + ",\"limit\":0}", "limit", limitRange + "0"),
                new BadCall("limit 101", method, "{" + address + ",\"limit\":101}", "limit", limitRange + "101"),
                new BadCall("fractional limit", method, "{" + address + ",\"limit\":1.5}", "limit", limitRange + "1.5"),
                new BadCall("an extra named parameter", method, "{" + address + ",\"after\":\"1:0\"}", "after",
                        "'after' is not a parameter of this method (it takes address, before, limit)"),
                new BadCall("an extra position", method, "[\"" + TestKeys.account(1).publicKey().toHex() + "\",null,5,1]",
                        null, "expected at most 3 parameters [address, before, limit], got 4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badParamsAreRefusedAndChangeNothing(BadCall call) {
        call.assertRefusedBy(client);
        fixture.assertStillServingAndMempoolEmpty();
    }
}
