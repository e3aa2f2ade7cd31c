package org.pharmamaturity.streams.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A scrape in the Prometheus text format 0.0.4, parsed into samples, so tests assert on series and values rather
 * than on the text layout.
 */
public final class PrometheusScrape {

    /** One sample line: name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples = new ArrayList<>();

    private PrometheusScrape(String text) {
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
    }

    /** Parses {@code text}. */
    public static PrometheusScrape parse(String text) {
        return new PrometheusScrape(text);
    }

    /** Every sample named {@code name}. */
    public List<Sample> samples(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    /** Every sample whose name starts with {@code prefix}. */
    public List<Sample> samplesStartingWith(String prefix) {
        return samples.stream().filter(sample -> sample.name().startsWith(prefix)).toList();
    }

    /**
     * The value of the sample named {@code name} whose labels are exactly {@code labelPairs} (name, value, name,
     * value...), or empty when there is none.
     */
    public OptionalDouble value(String name, String... labelPairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        return samples(name).stream().filter(sample -> sample.labels().equals(labels))
                .mapToDouble(Sample::value).findFirst();
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        if (brace < 0 || brace > space) {
            return new Sample(line.substring(0, space), Map.of(), Double.parseDouble(line.substring(space + 1)));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int at = brace + 1;
        while (line.charAt(at) != '}') {
            int equals = line.indexOf('=', at);
            String label = line.substring(at, equals);
            StringBuilder value = new StringBuilder();
            at = equals + 2; // past ="
            while (line.charAt(at) != '"') {
                char c = line.charAt(at++);
                if (c == '\\') {
                    char escaped = line.charAt(at++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(label, value.toString());
            at++; // past the closing quote
            if (line.charAt(at) == ',') {
                at++;
            }
        }
        String rest = line.substring(at + 1).trim();
        return new Sample(line.substring(0, brace), labels, Double.parseDouble(rest.split(" ")[0]));
    }
}
