package io.cairn.ledger.genesis;

import static io.cairn.ledger.genesis.GenesisDocuments.BASE;
import static io.cairn.ledger.genesis.GenesisDocuments.SOURCE;
import static io.cairn.ledger.genesis.GenesisDocuments.account;
import static io.cairn.ledger.genesis.GenesisDocuments.array;
import static io.cairn.ledger.genesis.GenesisDocuments.consensus;
import static io.cairn.ledger.genesis.GenesisDocuments.validator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every value in the file reaches the genesis hash; formatting does not. */
class GenesisHashTest {
    private static final String STRANGER = TestKeys.stranger().publicKey().toHex();

    record Change(String name, Consumer<ObjectNode> mutation) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneChangePerField")
    void changingAnyValueChangesTheHash(Change change) throws Exception {
        Genesis changed = GenesisFile.parse(GenesisDocuments.mutated(change.mutation()), SOURCE);
        assertThat(changed).isNotEqualTo(BASE);
        assertThat(changed.hash()).isNotEqualTo(BASE.hash());
    }

    static Stream<Change> oneChangePerField() {
        return Stream.of(
                new Change("chainId", d -> d.put("chainId", "cairn-other")),
                new Change("genesisTime by 1 ms", d -> d.put("genesisTime", "2026-09-21T14:13:20.001Z")),
                new Change("maxBlockTransactions", d -> consensus(d).put("maxBlockTransactions", 1_999)),
                new Change("maxBlockBytes", d -> consensus(d).put("maxBlockBytes", 4_194_303)),
                new Change("maxTransactionBytes", d -> consensus(d).put("maxTransactionBytes", 16_782)),
                new Change("viewChangeTimeoutMillis", d -> consensus(d).put("viewChangeTimeoutMillis", 2_001)),
                new Change("validator name", d -> validator(d, 0).put("name", "validator-x")),
                new Change("validator key", d -> validator(d, 0).put("publicKey", STRANGER)),
                new Change("validator order", d -> swapFirstTwo(array(d, "validators"))),
                new Change("validator removed", d -> array(d, "validators").remove(3)),
                new Change("admin key", d -> array(d, "admins").set(0, d.textNode(STRANGER))),
                new Change("admin added", d -> array(d, "admins").add(STRANGER)),
                new Change("admins emptied", d -> d.putArray("admins")),
                new Change("account key", d -> account(d, 0).put("publicKey", STRANGER)),
                new Change("account balance by 1", d -> account(d, 0).put("balance", TestGenesis.INITIAL_BALANCE + 1)),
                new Change("account permission dropped", d -> account(d, 0).putArray("permissions").add("transfer")),
                new Change("account order", d -> swapFirstTwo(array(d, "accounts"))),
                new Change("account added", d -> array(d, "accounts").addObject().put("publicKey", STRANGER)));
    }

    @Test
    void baseDocumentHasTheBaseHash() throws Exception {
        // The mutations above start from this document, and the 1 ms change assumes this time.
        assertThat(GenesisDocuments.base().get("genesisTime").textValue()).isEqualTo("2026-09-21T14:13:20Z");
        assertThat(GenesisFile.parse(GenesisDocuments.mutated(d -> { }), SOURCE).hash()).isEqualTo(BASE.hash());
    }

    @Test
    void keyOrderWhitespaceAndHexCaseDoNotChangeTheHash() throws Exception {
        ObjectNode reordered = GenesisDocuments.base().objectNode();
        List<String> names = new ArrayList<>();
        GenesisDocuments.base().fieldNames().forEachRemaining(names::add);
        ObjectNode base = GenesisDocuments.base();
        for (int i = names.size() - 1; i >= 0; i--) {
            reordered.set(names.get(i), base.get(names.get(i)));
        }
        array(reordered, "admins").set(0, reordered.textNode(upper(array(reordered, "admins").get(0))));
        String compact = GenesisDocuments.text(reordered);
        assertThat(compact).doesNotContain("\n").startsWith("{\"accounts\"");
        assertThat(GenesisFile.parse(compact, SOURCE).hash()).isEqualTo(BASE.hash());
    }

    private static String upper(JsonNode hex) {
        return hex.textValue().toUpperCase(Locale.ROOT);
    }

    private static void swapFirstTwo(ArrayNode array) {
        JsonNode first = array.get(0);
        array.set(0, array.get(1));
        array.set(1, first);
    }
}
