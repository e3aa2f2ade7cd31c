package org.pharmamaturity.benchmarks.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named set of pipeline settings measured beside the plain ones in the same invocation.
 *
 * @param name short name shown beside the guarantee; empty for the plain settings
 * @param settings Kafka Streams or service settings added on top of the common ones
 */
record Variant(String name, Map<String, String> settings) {

    static final Variant PLAIN = new Variant("", Map.of());

    /** {@code name:key=value,key=value}. */
    static Variant parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 1) {
            throw new BenchmarkException("--variant '" + spec + "' is not name:key=value,key=value");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : spec.substring(colon + 1).split(",")) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new BenchmarkException("--variant '" + spec + "': '" + pair + "' is not key=value");
            }
            settings.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return new Variant(spec.substring(0, colon), Map.copyOf(settings));
    }

    String label(String guarantee) {
        return name.isEmpty() ? guarantee : guarantee + " + " + name;
    }
}
