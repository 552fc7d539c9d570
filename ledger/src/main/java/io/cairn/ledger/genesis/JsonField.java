package io.cairn.ledger.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.PublicKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A JSON value and the path it was found at ({@code accounts[3].balance}). The typed reads
 * accept exactly one JSON type each and throw an {@link InvalidFieldException} naming the path
 * otherwise, so the genesis reader never sees a value of the wrong shape.
 */
record JsonField(String path, JsonNode node) {
    /** Longest piece of user text quoted in a message, so a huge value cannot flood a log line. */
    private static final int SHOWN_CHARS = 80;

    static JsonField root(JsonNode node) {
        return new JsonField("", node);
    }

    /** This value as an object whose fields are all among {@code known}; any other field is a typo. */
    JsonField object(List<String> known) throws InvalidFieldException {
        if (!node.isObject()) {
            throw wrongType("an object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidFieldException(childPath(name),
                        "unknown field; expected one of " + String.join(", ", known));
            }
        }
        return this;
    }

    /** The field {@code name} of this object, which must be present. */
    JsonField required(String name) throws InvalidFieldException {
        JsonNode child = node.get(name);
        if (child == null) {
            throw new InvalidFieldException(childPath(name), "required field is missing");
        }
        return new JsonField(childPath(name), child);
    }

    /** The field {@code name} of this object, if present (a JSON null is present, and of the wrong type). */
    Optional<JsonField> optional(String name) {
        JsonNode child = node.get(name);
        return child == null ? Optional.empty() : Optional.of(new JsonField(childPath(name), child));
    }

    int intOr(String name, int fallback) throws InvalidFieldException {
        Optional<JsonField> field = optional(name);
        return field.isPresent() ? field.get().asInt() : fallback;
    }

    long longOr(String name, long fallback) throws InvalidFieldException {
        Optional<JsonField> field = optional(name);
        return field.isPresent() ? field.get().asLong() : fallback;
    }

    /** The elements of this array, each with its indexed path. */
    List<JsonField> elements() throws InvalidFieldException {
        if (!node.isArray()) {
            throw wrongType("an array");
        }
        List<JsonField> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new JsonField(path + "[" + i + "]", node.get(i)));
        }
        return elements;
    }

    String asString() throws InvalidFieldException {
        if (!node.isTextual()) {
            throw wrongType("a string");
        }
        return node.textValue();
    }

    int asInt() throws InvalidFieldException {
        return (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    long asLong() throws InvalidFieldException {
        return integer(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A public key as 64 hex characters (either case). */
    PublicKey asPublicKey() throws InvalidFieldException {
        String hex = asString();
        try {
            return PublicKey.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    InvalidFieldException invalid(String problem) {
        return new InvalidFieldException(path, problem);
    }

    /** {@code text} in single quotes, shortened if long. */
    static String quote(String text) {
        return "'" + shorten(text) + "'";
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
    }

    private long integer(long min, long max) throws InvalidFieldException {
        if (!node.isNumber()) {
            throw wrongType("an integer");
        }
        String shown = shorten(node.asText());
        if (!node.isIntegralNumber()) {
            throw invalid("expected an integer without a fraction or exponent, got " + shown);
        }
        BigInteger value = node.bigIntegerValue();
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw invalid("expected an integer from " + min + " to " + max + ", got " + shown);
        }
        return value.longValueExact();
    }

    private InvalidFieldException wrongType(String expected) {
        return invalid("expected " + expected + ", got " + describe(node));
    }

    private String childPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String describe(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                return "an object";
            case ARRAY:
                return "an array";
            case STRING:
                return "a string";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case NULL:
                return "null";
            default:
                return node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }
}
