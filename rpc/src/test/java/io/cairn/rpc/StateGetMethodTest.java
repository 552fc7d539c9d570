package io.cairn.rpc;

import static io.cairn.rpc.ExpectedJson.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.Hex;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** state_get: the value an account anchored under a key with a put. */
class StateGetMethodTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;
    private static final LedgerStore store = fixture.node.store();

    /** The newest put of the seeded chain, so no later put of the same key replaced its value. */
    private static Transaction newestPut() {
        for (long height = InMemoryNode.BLOCKS; height >= 1; height--) {
            List<Transaction> transactions = store.block(height).orElseThrow().transactions();
            for (int i = transactions.size() - 1; i >= 0; i--) {
                if (transactions.get(i).operation() instanceof Operation.Put) {
                    return transactions.get(i);
                }
            }
        }
        throw new AssertionError("the seeded chain holds no put");
    }

    private static String params(String owner, String key) {
        return "{\"owner\":\"" + owner + "\",\"key\":\"" + key + "\"}";
    }

    @Test
    void anAnchoredValueIsShownWithItsOwnerAndKey() {
        Transaction tx = newestPut();
        Operation.Put put = (Operation.Put) tx.operation();
        String owner = tx.sender().toHex();
        JsonNode json = client.result("state_get", params(owner, Hex.encode(put.key())));

        assertThat(fieldNames(json)).containsExactly("owner", "key", "value");
        assertThat(json.get("owner").textValue()).isEqualTo(owner);
        assertThat(json.get("key").textValue()).isEqualTo(Hex.encode(put.key()));
        assertThat(json.get("value").textValue()).isEqualTo(Hex.encode(put.value()))
                .isEqualTo(Hex.encode(store.data(tx.sender(), put.key()).orElseThrow()));
        // Upper-case hex and positional params name the same entry; the answer is lower-case.
        assertThat(client.result("state_get", "[\"" + owner.toUpperCase() + "\",\"" + Hex.encode(put.key()).toUpperCase()
                + "\"]")).isEqualTo(json);
    }

    @Test
    void aKeyIsTheOwnersOwnSoAnotherAccountHasNoValueUnderIt() {
        Transaction tx = newestPut();
        String key = Hex.encode(((Operation.Put) tx.operation()).key());
        String other = (tx.sender().equals(TestKeys.account(0).publicKey()) ? TestKeys.account(1) : TestKeys.account(0))
                .publicKey().toHex();

        assertThat(client.result("state_get", params(other, key)).isNull()).isTrue();
        assertThat(client.result("state_get", params(TestKeys.stranger().publicKey().toHex(), key)).isNull()).isTrue();
    }

    @Test
    void aKeyNeverPutIsNull() {
        String owner = newestPut().sender().toHex();
        assertThat(client.result("state_get", params(owner, "ff".repeat(256))).isNull()).isTrue();
    }

    static List<BadCall> badCalls() {
        String owner = TestKeys.account(0).publicKey().toHex();
        return List.of(
                new BadCall("no owner", "state_get", "{\"key\":\"01\"}", "owner", "'owner' is missing"),
                new BadCall("no key", "state_get", "{\"owner\":\"" + owner + "\"}", "key", "'key' is missing"),
                new BadCall("an owner that is not a key", "state_get", params(owner + "00", "01"), "owner",
                        "'owner' is not a public key"),
                new BadCall("an owner as a number", "state_get", "{\"owner\":7,\"key\":\"01\"}", "owner",
                        "'owner' must be a string, got 7"),
                new BadCall("an empty key", "state_get", params(owner, ""), "key", "'key' must not be empty"),
                new BadCall("an odd-length key", "state_get", params(owner, "abc"), "key",
                        "'key' is not valid hex: hex has an odd number of characters"),
                new BadCall("a key that is not hex", "state_get", params(owner, "0x01"), "key", "'key' is not valid hex"),
                new BadCall("a key longer than a put allows", "state_get", params(owner, "ab".repeat(257)), "key",
                        "'key' must be 1 to 256 bytes, got 257"),
                new BadCall("a key as an array", "state_get", "{\"owner\":\"" + owner + "\",\"key\":[1]}", "key",
                        "'key' must be a string, got [1]"),
                new BadCall("an extra named parameter", "state_get", "{\"owner\":\"" + owner + "\",\"key\":\"01\",\"at\":1}",
                        "at", "'at' is not a parameter of this method (it takes owner, key)"),
                new BadCall("an extra position", "state_get", "[\"" + owner + "\",\"01\",1]", null,
                        "expected at most 2 parameters [owner, key], got 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badParamsAreRefusedAndChangeNothing(BadCall call) {
        call.assertRefusedBy(client);
        fixture.assertStillServingAndMempoolEmpty();
    }
}
