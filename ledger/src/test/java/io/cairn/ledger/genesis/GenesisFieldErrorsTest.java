package io.cairn.ledger.genesis;

import static io.cairn.ledger.genesis.GenesisDocuments.account;
import static io.cairn.ledger.genesis.GenesisDocuments.array;
import static io.cairn.ledger.genesis.GenesisDocuments.assertRejected;
import static io.cairn.ledger.genesis.GenesisDocuments.consensus;
import static io.cairn.ledger.genesis.GenesisDocuments.keyHex;
import static io.cairn.ledger.genesis.GenesisDocuments.validator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed field of a genesis file is a GenesisException that names the field and the problem. */
class GenesisFieldErrorsTest {
    private static final String LONG_IDENTIFIER = "a".repeat(33);

    record BadField(String name, Consumer<ObjectNode> mutation, String path, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static BadField bad(String name, Consumer<ObjectNode> mutation, String path, String problem) {
        return new BadField(name, mutation, path, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"topLevel", "genesisTime", "consensusFields", "validatorFields", "adminFields", "accountFields"})
    void rejectsMalformedField(BadField field) {
        assertRejected(GenesisDocuments.mutated(field.mutation()), field.path(), field.problem());
    }

    static Stream<BadField> topLevel() {
        return Stream.of(
                bad("unknown top-level field", d -> d.put("chainid", "x"), "chainid",
                        "unknown field; expected one of chainId, genesisTime, consensus, validators, admins, accounts"),
                bad("chain id missing", d -> d.remove("chainId"), "chainId", "required field is missing"),
                bad("chain id a number", d -> d.put("chainId", 7), "chainId", "expected a string, got a number"),
                bad("chain id null", d -> d.putNull("chainId"), "chainId", "expected a string, got null"),
                bad("chain id with a space", d -> d.put("chainId", "cairn test"), "chainId",
                        "must be 1 to 32 characters of A-Z a-z 0-9 . _ -, got 'cairn test'"),
                bad("chain id empty", d -> d.put("chainId", ""), "chainId", "must be 1 to 32 characters"),
                bad("chain id too long", d -> d.put("chainId", LONG_IDENTIFIER), "chainId", "must be 1 to 32 characters"),
                bad("chain id with a line break", d -> d.put("chainId", "a\nb"), "chainId", "got 'a\\u000ab'"));
    }

    static Stream<BadField> genesisTime() {
        return Stream.of(
                bad("time missing", d -> d.remove("genesisTime"), "genesisTime", "required field is missing"),
                bad("time as epoch millis", d -> d.put("genesisTime", 1_790_000_000_000L), "genesisTime",
                        "expected a string, got a number"),
                bad("time not a time", d -> d.put("genesisTime", "yesterday"), "genesisTime",
                        "expected an ISO-8601 UTC time such as 2026-11-21T00:00:00Z, got 'yesterday'"),
                bad("time without clock", d -> d.put("genesisTime", "2026-11-21"), "genesisTime",
                        "expected an ISO-8601 UTC time"),
                bad("time with an offset", d -> d.put("genesisTime", "2026-11-21T02:00:00+02:00"), "genesisTime",
                        "must be in UTC, ending in Z"),
                bad("time finer than a millisecond", d -> d.put("genesisTime", "2026-11-21T00:00:00.0001Z"),
                        "genesisTime", "must not be more precise than a millisecond"),
                bad("time beyond 64-bit millis", d -> d.put("genesisTime", "+1000000000-12-31T23:59:59Z"),
                        "genesisTime", "out of range (milliseconds since 1970 must fit in 64 bits)"));
    }

    static Stream<BadField> consensusFields() {
        return Stream.of(
                bad("consensus an array", d -> d.putArray("consensus"), "consensus", "expected an object, got an array"),
                bad("consensus null", d -> d.putNull("consensus"), "consensus", "expected an object, got null"),
                bad("consensus field misspelt", d -> consensus(d).put("maxBlockByte", 1), "consensus.maxBlockByte",
                        "unknown field; expected one of maxBlockTransactions, maxBlockBytes, maxTransactionBytes,"
                                + " viewChangeTimeoutMillis"),
                bad("integer in quotes", d -> consensus(d).put("maxBlockTransactions", "2000"),
                        "consensus.maxBlockTransactions", "expected an integer, got a string"),
                bad("integer a boolean", d -> consensus(d).put("viewChangeTimeoutMillis", true),
                        "consensus.viewChangeTimeoutMillis", "expected an integer, got a boolean"),
                bad("fraction", d -> consensus(d).put("maxBlockBytes", new BigDecimal("1.5")),
                        "consensus.maxBlockBytes", "expected an integer without a fraction or exponent, got 1.5"),
                bad("whole number written as fraction", d -> consensus(d).put("maxBlockBytes", new BigDecimal("4194304.0")),
                        "consensus.maxBlockBytes", "expected an integer without a fraction or exponent, got 4194304.0"),
                bad("exponent", d -> consensus(d).put("maxTransactionBytes", new BigDecimal("1E+3")),
                        "consensus.maxTransactionBytes", "expected an integer without a fraction or exponent, got 1E+3"),
                bad("beyond a Java int", d -> consensus(d).put("maxBlockTransactions", 3_000_000_000L),
                        "consensus.maxBlockTransactions",
                        "expected an integer from -2147483648 to 2147483647, got 3000000000"),
                bad("beyond a Java long", d -> consensus(d).put("viewChangeTimeoutMillis", BigInteger.TWO.pow(63)),
                        "consensus.viewChangeTimeoutMillis",
                        "expected an integer from -9223372036854775808 to 9223372036854775807, got 9223372036854775808"));
    }

    static Stream<BadField> validatorFields() {
        return Stream.of(
                bad("validators missing", d -> d.remove("validators"), "validators", "required field is missing"),
                bad("validators an object", d -> d.putObject("validators"), "validators", "expected an array, got an object"),
                bad("validator a string", d -> array(d, "validators").set(1, d.textNode("node-1")), "validators[1]",
                        "expected an object, got a string"),
                bad("validator field misspelt", d -> validator(d, 1).put("pubKey", "x"), "validators[1].pubKey",
                        "unknown field; expected one of name, publicKey"),
                bad("validator name missing", d -> validator(d, 1).remove("name"), "validators[1].name",
                        "required field is missing"),
                bad("validator name a number", d -> validator(d, 1).put("name", 1), "validators[1].name",
                        "expected a string, got a number"),
                bad("validator name with a space", d -> validator(d, 1).put("name", "node 1"), "validators[1].name",
                        "must be 1 to 32 characters of A-Z a-z 0-9 . _ -, got 'node 1'"),
                bad("validator name too long", d -> validator(d, 1).put("name", LONG_IDENTIFIER), "validators[1].name",
                        "must be 1 to 32 characters"),
                bad("validator key missing", d -> validator(d, 1).remove("publicKey"), "validators[1].publicKey",
                        "required field is missing"),
                bad("validator key one short", d -> validator(d, 1).put("publicKey", keyHex(d, "validators", 1).substring(1)),
                        "validators[1].publicKey", "expected 64 hex characters (32 bytes), got 63"),
                bad("validator key one byte long", d -> validator(d, 1).put("publicKey", keyHex(d, "validators", 1) + "00"),
                        "validators[1].publicKey", "expected 64 hex characters (32 bytes), got 66"),
                bad("validator key not hex", d -> validator(d, 1).put("publicKey", "g" + keyHex(d, "validators", 1).substring(1)),
                        "validators[1].publicKey", "not a hex character at position 0: 'g'"),
                bad("validator key a number", d -> validator(d, 1).put("publicKey", 12), "validators[1].publicKey",
                        "expected a string, got a number"));
    }

    static Stream<BadField> adminFields() {
        return Stream.of(
                bad("admins a string", d -> d.put("admins", "x"), "admins", "expected an array, got a string"),
                bad("admin a number", d -> array(d, "admins").set(0, d.numberNode(1)), "admins[0]",
                        "expected a string, got a number"),
                bad("admin key one short", d -> array(d, "admins").set(0, d.textNode(keyHex(d, "admins", 0).substring(1))),
                        "admins[0]", "expected 64 hex characters (32 bytes), got 63"));
    }

    static Stream<BadField> accountFields() {
        return Stream.of(
                bad("accounts an object", d -> d.putObject("accounts"), "accounts", "expected an array, got an object"),
                bad("account a number", d -> array(d, "accounts").set(2, d.numberNode(5)), "accounts[2]",
                        "expected an object, got a number"),
                bad("account field unknown", d -> account(d, 2).put("nonce", 0), "accounts[2].nonce",
                        "unknown field; expected one of publicKey, balance, permissions"),
                bad("account key missing", d -> account(d, 2).remove("publicKey"), "accounts[2].publicKey",
                        "required field is missing"),
                bad("account key one short", d -> account(d, 2).put("publicKey", keyHex(d, "accounts", 2).substring(1)),
                        "accounts[2].publicKey", "expected 64 hex characters (32 bytes), got 63"),
                bad("balance in quotes", d -> account(d, 2).put("balance", "100"), "accounts[2].balance",
                        "expected an integer, got a string"),
                bad("balance a fraction", d -> account(d, 2).put("balance", new BigDecimal("1.5")), "accounts[2].balance",
                        "expected an integer without a fraction or exponent, got 1.5"),
                bad("balance an exponent", d -> account(d, 2).put("balance", new BigDecimal("1E+3")), "accounts[2].balance",
                        "expected an integer without a fraction or exponent, got 1E+3"),
                bad("balance beyond a Java long", d -> account(d, 2).put("balance", BigInteger.TWO.pow(63)),
                        "accounts[2].balance", "got 9223372036854775808"),
                bad("balance negative", d -> account(d, 2).put("balance", -1), "accounts[2].balance",
                        "must not be negative, got -1"),
                bad("permissions a string", d -> account(d, 2).put("permissions", "transfer"), "accounts[2].permissions",
                        "expected an array, got a string"),
                bad("permission a number", d -> ((ArrayNode) account(d, 2).get("permissions")).set(1, d.numberNode(2)),
                        "accounts[2].permissions[1]",
                        "expected a string, got a number"),
                bad("permission unknown", d -> account(d, 2).putArray("permissions").add("transfer").add("mint"),
                        "accounts[2].permissions[1]", "unknown permission 'mint'; expected one of transfer, put"),
                bad("permission in upper case", d -> account(d, 2).putArray("permissions").add("Transfer"),
                        "accounts[2].permissions[0]", "unknown permission 'Transfer'"),
                bad("permission twice", d -> account(d, 2).putArray("permissions").add("put").add("put"),
                        "accounts[2].permissions[1]", "'put' is listed twice"));
    }
}
