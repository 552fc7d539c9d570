package io.cairn.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A value of the config tree with the file it came from and its path ({@code p2p.peers[1]}).
 * Each typed read accepts exactly one type and otherwise throws a {@link ConfigException} that
 * names the file and the path, so the reader never sees a value of the wrong shape.
 */
record ConfigField(String source, String path, JsonNode node) {
    /** Longest piece of file text quoted in a message, so one huge value cannot flood a log line. */
    private static final int SHOWN_CHARS = 80;

    static ConfigField root(String source, JsonNode node) {
        return new ConfigField(source, "", node);
    }

    /** This value as an object whose fields are all among {@code known}; any other field is a typo. */
    ConfigField object(List<String> known) throws ConfigException {
        if (!node.isObject()) {
            throw wrongType("an object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ConfigException(source + ": unknown field '" + shorten(childPath(name))
                        + "'; expected one of: " + String.join(", ", known));
            }
        }
        return this;
    }

    ConfigField required(String name) throws ConfigException {
        JsonNode child = node.get(name);
        if (child == null) {
            throw new ConfigException(source + ": missing field '" + childPath(name) + "'");
        }
        return new ConfigField(source, childPath(name), child);
    }

    /** The field if present; a YAML {@code name:} with no value is present, and null, so of the wrong type. */
    Optional<ConfigField> optional(String name) {
        JsonNode child = node.get(name);
        return child == null ? Optional.empty() : Optional.of(new ConfigField(source, childPath(name), child));
    }

    List<ConfigField> elements() throws ConfigException {
        if (!node.isArray()) {
            throw wrongType("a list");
        }
        List<ConfigField> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new ConfigField(source, path + "[" + i + "]", node.get(i)));
        }
        return elements;
    }

    String text() throws ConfigException {
        if (!node.isTextual()) {
            throw wrongType("a string");
        }
        if (node.textValue().isBlank()) {
            throw invalid("must not be empty");
        }
        return node.textValue();
    }

    boolean bool() throws ConfigException {
        if (!node.isBoolean()) {
            throw wrongType("true or false");
        }
        return node.booleanValue();
    }

    long integer(long min, long max) throws ConfigException {
        if (!node.isNumber()) {
            throw wrongType("an integer");
        }
        if (!node.isIntegralNumber()) {
            throw invalid("expected an integer, got " + shorten(node.asText()));
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw invalid(shorten(node.asText()) + " is outside " + min + ".." + max);
        }
        return node.longValue();
    }

    ConfigException invalid(String problem) {
        return new ConfigException(source + ": " + path + ": " + problem);
    }

    ConfigException invalid(String problem, Throwable cause) {
        return new ConfigException(source + ": " + path + ": " + problem, cause);
    }

    /** {@code text} in single quotes, shortened if long. */
    static String quote(String text) {
        return "'" + shorten(text) + "'";
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
    }

    private ConfigException wrongType(String expected) {
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
                return "a list";
            case STRING:
                return "the string " + quote(node.textValue());
            case NUMBER:
                return "the number " + shorten(node.asText());
            case BOOLEAN:
                return node.asText();
            case NULL:
                return "no value";
            default:
                return node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }
}
