package io.cairn.ledger.genesis;

import static io.cairn.ledger.genesis.GenesisDocuments.account;
import static io.cairn.ledger.genesis.GenesisDocuments.array;
import static io.cairn.ledger.genesis.GenesisDocuments.assertRejected;
import static io.cairn.ledger.genesis.GenesisDocuments.consensus;
import static io.cairn.ledger.genesis.GenesisDocuments.keyHex;
import static io.cairn.ledger.genesis.GenesisDocuments.validator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.ledger.testing.TestGenesis;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules Genesis enforces across fields, and repeated JSON keys, reach the caller as a
 * GenesisException whose message names the field.
 */
class GenesisRuleErrorsTest {
    record BrokenRule(String name, Consumer<ObjectNode> mutation, String path, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    record RepeatedKey(String name, String anchor, String repeat, String path) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static BrokenRule rule(String name, Consumer<ObjectNode> mutation, String path, String problem) {
        return new BrokenRule(name, mutation, path, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"genesisRules", "consensusRanges"})
    void rejectsGenesisBreakingRule(BrokenRule rule) {
        assertRejected(GenesisDocuments.mutated(rule.mutation()), rule.path(), rule.problem());
    }

    static Stream<BrokenRule> genesisRules() {
        return Stream.of(
                rule("no validators", d -> d.putArray("validators"), "validators", "need 1 to 256 validators, got 0"),
                rule("257 validators", GenesisRuleErrorsTest::add253Validators, "validators",
                        "need 1 to 256 validators, got 257"),
                rule("two validators named alike", d -> validator(d, 2).put("name", "validator-0"), "validators[2].name",
                        "'validator-0' is also the name of validators[0]"),
                rule("two validators with one key", d -> validator(d, 2).put("publicKey", keyHex(d, "validators", 0)),
                        "validators[2].publicKey", "also the key of validators[0]"),
                rule("admin listed twice", d -> array(d, "admins").add(keyHex(d, "admins", 0)), "admins[1]", "listed twice"),
                rule("account listed twice", d -> account(d, 2).put("publicKey", keyHex(d, "accounts", 0)),
                        "accounts[2].publicKey", "listed twice"),
                rule("supply beyond a long", d -> {
                    account(d, 0).put("balance", Long.MAX_VALUE);
                    account(d, 1).put("balance", 1);
                }, "accounts[1].balance", "total supply exceeds 2^63 - 1"),
                rule("admin as an account permission", d -> account(d, 0).putArray("permissions").add("admin"),
                        "accounts[0].permissions", "'admin' is given through the top-level 'admins' list"),
                rule("time before 1970", d -> d.put("genesisTime", "1969-12-31T23:59:59Z"), "genesisTime",
                        "must not be before 1970"));
    }

    static Stream<BrokenRule> consensusRanges() {
        return Stream.of(
                range("maxBlockTransactions", 0, "0 is outside 1..100000"),
                range("maxBlockTransactions", 100_001, "100001 is outside 1..100000"),
                range("maxTransactionBytes", 255, "255 is outside 256..16783"),
                range("maxTransactionBytes", 16_784, "16784 is outside 256..16783"),
                // The smallest block holds a header (157 bytes) and one largest transaction.
                range("maxBlockBytes", 157 + 16_783 - 1, "16939 is outside 16940..67108864"),
                range("maxBlockBytes", 64 * 1024 * 1024 + 1, "67108865 is outside 16940..67108864"),
                range("viewChangeTimeoutMillis", 99, "99 is outside 100..600000"),
                range("viewChangeTimeoutMillis", 600_001, "600001 is outside 100..600000"));
    }

    private static BrokenRule range(String field, long value, String problem) {
        return rule(field + " " + value, d -> consensus(d).put(field, value), "consensus." + field, problem);
    }

    private static void add253Validators(ObjectNode document) {
        ArrayNode validators = array(document, "validators");
        for (int i = validators.size(); i < 257; i++) {
            validators.addObject().put("name", "extra-" + i).put("publicKey", String.format("%064x", i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repeatedKeys")
    void rejectsRepeatedKey(RepeatedKey key) {
        String json = GenesisFile.toJson(GenesisDocuments.BASE);
        int end = json.indexOf(key.anchor()) + key.anchor().length();
        assertThat(end).isGreaterThan(key.anchor().length() - 1);
        assertRejected(json.substring(0, end) + " " + key.repeat() + json.substring(end), key.path(), "duplicate key at line");
    }

    static Stream<RepeatedKey> repeatedKeys() {
        String balance = "\"balance\": " + TestGenesis.INITIAL_BALANCE + ",";
        return Stream.of(
                new RepeatedKey("top level", "\"chainId\": \"cairn-test\",", "\"chainId\": \"cairn-other\",", "chainId"),
                new RepeatedKey("consensus", "\"maxBlockBytes\": 4194304,", "\"maxBlockBytes\": 4194304,",
                        "consensus.maxBlockBytes"),
                new RepeatedKey("validator", "\"name\": \"validator-1\",", "\"name\": \"validator-9\",",
                        "validators[1].name"),
                new RepeatedKey("account", balance, balance, "accounts[0].balance"));
    }
}
