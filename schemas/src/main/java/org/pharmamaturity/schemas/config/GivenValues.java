package org.pharmamaturity.schemas.config;

import java.util.HashMap;
import java.util.Map;

/** The settings a Kafka-style config map really sets: null keys, null values and blank text count as not set. */
public final class GivenValues {

    private GivenValues() {
    }

    /** The entries of {@code configs} that set a value. */
    public static Map<String, Object> of(Map<String, ?> configs) {
        Map<String, Object> given = new HashMap<>();
        configs.forEach((key, value) -> {
            if (key != null && value != null && !value.toString().isBlank()) {
                given.put(key, value);
            }
        });
        return given;
    }
}
