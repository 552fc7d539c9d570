package io.cairn.consensus.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a scenario file: one command per line, {@code #} starts a comment, blank lines are
 * ignored. The format itself is described in {@link ScenarioRunner}.
 */
final class ScenarioParser {
    private ScenarioParser() {}

    static List<ScenarioLine> parse(String source, String text) {
        List<ScenarioLine> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            int comment = line.indexOf('#');
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            if (!line.isBlank()) {
                lines.add(ScenarioLine.parse(source, i + 1, line));
            }
        }
        return lines;
    }

    /** The paper reference a scenario must open with: its first line, a comment naming the section. */
    static String reference(String text) {
        String first = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        int at = first.indexOf("Reference:");
        if (!first.startsWith("#") || at < 0) {
            return "";
        }
        return first.substring(at).trim();
    }
}
