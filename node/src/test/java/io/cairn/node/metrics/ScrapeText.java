package io.cairn.node.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Prometheus text scrape, read back: each sample by its series as written
 * ({@code name} or {@code name{label="value"}}), and each family's declared type.
 */
public final class ScrapeText {
    private final String text;
    private final Map<String, Double> samples = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();

    public ScrapeText(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                types.put(parts[2], parts[3]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
    }

    /** The sample's value; fails naming the series and showing the scrape when it is missing. */
    public double value(String series) {
        Double value = samples.get(series);
        if (value == null) {
            throw new AssertionError("no sample " + series + " in the scrape:\n" + text);
        }
        return value;
    }

    public String type(String family) {
        String type = types.get(family);
        if (type == null) {
            throw new AssertionError("no family " + family + " in the scrape:\n" + text);
        }
        return type;
    }

    /** Every series of {@code name}, with its labels, and its value. */
    public Map<String, Double> series(String name) {
        Map<String, Double> found = new LinkedHashMap<>();
        samples.forEach((series, value) -> {
            if (series.equals(name) || series.startsWith(name + "{")) {
                found.put(series, value);
            }
        });
        return found;
    }
}
