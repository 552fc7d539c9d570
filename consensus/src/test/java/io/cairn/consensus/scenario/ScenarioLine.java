package io.cairn.consensus.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One line of a scenario: its words (tokens without '=') and its options ({@code key=value}).
 * Every option must be read by the runner: an option nobody asked for is a typo and fails the
 * scenario, rather than silently testing something else.
 */
final class ScenarioLine {
    final String source;
    final int number;
    final String text;
    private final List<String> words;
    private final Map<String, String> options;
    private final Set<String> used = new HashSet<>();

    private ScenarioLine(String source, int number, String text, List<String> words, Map<String, String> options) {
        this.source = source;
        this.number = number;
        this.text = text;
        this.words = words;
        this.options = options;
    }

    /** Tokenizes {@code text} (already stripped of comments and blank lines). */
    static ScenarioLine parse(String source, int number, String text) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (String token : text.trim().split("\\s+")) {
            int equals = token.indexOf('=');
            if (equals < 0) {
                words.add(token);
                continue;
            }
            String key = token.substring(0, equals);
            String value = token.substring(equals + 1);
            if (key.isEmpty() || value.isEmpty() || options.put(key, value) != null) {
                throw new IllegalArgumentException(source + ":" + number + ": bad or repeated option '" + token + "'");
            }
        }
        return new ScenarioLine(source, number, text.trim(), words, options);
    }

    String keyword() {
        return words.get(0);
    }

    int wordCount() {
        return words.size();
    }

    String word(int index) {
        if (index >= words.size()) {
            throw error("expected more words");
        }
        return words.get(index);
    }

    boolean hasWord(String word) {
        return words.contains(word);
    }

    boolean has(String key) {
        return options.containsKey(key);
    }

    String option(String key) {
        return optional(key).orElseThrow(() -> error("needs " + key + "="));
    }

    Optional<String> optional(String key) {
        used.add(key);
        return Optional.ofNullable(options.get(key));
    }

    long number(String key) {
        try {
            return Long.parseLong(option(key));
        } catch (NumberFormatException e) {
            throw error(key + "= must be a number");
        }
    }

    int integer(String key) {
        return Math.toIntExact(number(key));
    }

    /** A comma-separated list of validator indexes. */
    int[] indexes(String key) {
        String[] parts = option(key).split(",");
        int[] indexes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            indexes[i] = Integer.parseInt(parts[i]);
        }
        return indexes;
    }

    List<String> list(String key) {
        return List.of(option(key).split(","));
    }

    /** Fails when the line has an option nobody read. */
    void requireAllUsed() {
        for (String key : options.keySet()) {
            if (!used.contains(key)) {
                throw error("unknown option " + key + "=");
            }
        }
    }

    IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(where() + ": " + problem + "\n    " + text);
    }

    String where() {
        return source + ":" + number;
    }
}
