package io.cairn.ledger.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.GenesisAccount;
import io.cairn.ledger.Permission;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Validator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The genesis JSON format, both ways, side by side so they cannot drift (docs/genesis.md).
 * Checks that concern one field (its type, hex, time, identifier syntax) are made here and name
 * the field; rules across fields (duplicates, supply, consensus ranges) are Genesis's own.
 */
final class GenesisJson {
    private static final List<String> TOP_FIELDS =
            List.of("chainId", "genesisTime", "consensus", "validators", "admins", "accounts");
    private static final List<String> CONSENSUS_FIELDS = List.of(
            "maxBlockTransactions", "maxBlockBytes", "maxTransactionBytes", "viewChangeTimeoutMillis");
    private static final List<String> VALIDATOR_FIELDS = List.of("name", "publicKey");
    private static final List<String> ACCOUNT_FIELDS = List.of("publicKey", "balance", "permissions");
    private static final String IDENTIFIER_RULE = "characters of A-Z a-z 0-9 . _ -";
    /** The permissions an account may list; admin comes from the top-level admins list. */
    private static final String ACCOUNT_PERMISSIONS = Stream.of(Permission.values())
            .filter(permission -> permission != Permission.ADMIN)
            .map(Permission::jsonName)
            .collect(Collectors.joining(", "));

    private GenesisJson() {}

    /** Reads a genesis from a parsed document. Genesis's own rules throw IllegalArgumentException. */
    static Genesis fromTree(JsonNode document) throws InvalidFieldException {
        JsonField top = JsonField.root(document).object(TOP_FIELDS);
        String chainId = identifier(top.required("chainId"), ProtocolLimits.CHAIN_ID_MAX_LENGTH);
        long genesisTime = epochMillis(top.required("genesisTime"));
        Optional<JsonField> consensus = top.optional("consensus");
        ConsensusParams params = consensus.isPresent() ? consensus(consensus.get()) : ConsensusParams.DEFAULTS;
        List<Validator> validators = new ArrayList<>();
        for (JsonField element : top.required("validators").elements()) {
            JsonField validator = element.object(VALIDATOR_FIELDS);
            validators.add(new Validator(identifier(validator.required("name"), ProtocolLimits.NAME_MAX_LENGTH),
                    validator.required("publicKey").asPublicKey()));
        }
        List<PublicKey> admins = new ArrayList<>();
        for (JsonField element : elements(top.optional("admins"))) {
            admins.add(element.asPublicKey());
        }
        List<GenesisAccount> accounts = new ArrayList<>();
        for (JsonField element : elements(top.optional("accounts"))) {
            accounts.add(account(element.object(ACCOUNT_FIELDS)));
        }
        return new Genesis(chainId, genesisTime, params, validators, admins, accounts);
    }

    /** The document {@link #fromTree} reads back to an equal genesis: every field, defaults included. */
    static ObjectNode toTree(Genesis genesis) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("chainId", genesis.chainId());
        root.put("genesisTime", Instant.ofEpochMilli(genesis.genesisTimeMillis()).toString());
        ConsensusParams params = genesis.consensus();
        root.putObject("consensus")
                .put("maxBlockTransactions", params.maxBlockTransactions())
                .put("maxBlockBytes", params.maxBlockBytes())
                .put("maxTransactionBytes", params.maxTransactionBytes())
                .put("viewChangeTimeoutMillis", params.viewChangeTimeoutMillis());
        ArrayNode validators = root.putArray("validators");
        for (Validator validator : genesis.validators()) {
            validators.addObject().put("name", validator.name()).put("publicKey", validator.publicKey().toHex());
        }
        ArrayNode admins = root.putArray("admins");
        for (PublicKey admin : genesis.admins()) {
            admins.add(admin.toHex());
        }
        ArrayNode accounts = root.putArray("accounts");
        for (GenesisAccount account : genesis.accounts()) {
            ObjectNode entry = accounts.addObject()
                    .put("publicKey", account.publicKey().toHex())
                    .put("balance", account.balance());
            ArrayNode permissions = entry.putArray("permissions");
            for (Permission permission : account.permissions()) {
                permissions.add(permission.jsonName());
            }
        }
        return root;
    }

    private static ConsensusParams consensus(JsonField field) throws InvalidFieldException {
        JsonField consensus = field.object(CONSENSUS_FIELDS);
        ConsensusParams defaults = ConsensusParams.DEFAULTS;
        return new ConsensusParams(
                consensus.intOr("maxBlockTransactions", defaults.maxBlockTransactions()),
                consensus.intOr("maxBlockBytes", defaults.maxBlockBytes()),
                consensus.intOr("maxTransactionBytes", defaults.maxTransactionBytes()),
                consensus.longOr("viewChangeTimeoutMillis", defaults.viewChangeTimeoutMillis()));
    }

    private static GenesisAccount account(JsonField account) throws InvalidFieldException {
        PublicKey key = account.required("publicKey").asPublicKey();
        long balance = account.longOr("balance", 0);
        if (balance < 0) {
            throw account.required("balance").invalid("must not be negative, got " + balance);
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (JsonField element : elements(account.optional("permissions"))) {
            String name = element.asString();
            Permission permission = Permission.fromJsonName(name).orElseThrow(() -> element.invalid(
                    "unknown permission " + JsonField.quote(name) + "; expected one of " + ACCOUNT_PERMISSIONS));
            if (!permissions.add(permission)) {
                throw element.invalid(JsonField.quote(name) + " is listed twice");
            }
        }
        return new GenesisAccount(key, balance, permissions);
    }

    /** A chain id or validator name, checked here so the message names the field. */
    private static String identifier(JsonField field, int maxLength) throws InvalidFieldException {
        String text = field.asString();
        if (!ProtocolLimits.isValidIdentifier(text, maxLength)) {
            throw field.invalid("must be 1 to " + maxLength + " " + IDENTIFIER_RULE + ", got " + JsonField.quote(text));
        }
        return text;
    }

    /** An ISO-8601 instant in UTC ({@code 2026-11-21T00:00:00Z}), to the millisecond. */
    private static long epochMillis(JsonField field) throws InvalidFieldException {
        String text = field.asString();
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw field.invalid("expected an ISO-8601 UTC time such as 2026-11-21T00:00:00Z, got " + JsonField.quote(text));
        }
        if (!text.endsWith("Z") && !text.endsWith("z")) {
            throw field.invalid("must be in UTC, ending in Z (such as 2026-11-21T00:00:00Z), got " + JsonField.quote(text));
        }
        if (instant.getNano() % 1_000_000 != 0) {
            throw field.invalid("must not be more precise than a millisecond, got " + JsonField.quote(text));
        }
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw field.invalid("out of range (milliseconds since 1970 must fit in 64 bits), got "
                    + JsonField.quote(text));
        }
    }

    /** The elements of an optional array; absent means empty. */
    private static List<JsonField> elements(Optional<JsonField> array) throws InvalidFieldException {
        return array.isPresent() ? array.get().elements() : List.of();
    }
}
