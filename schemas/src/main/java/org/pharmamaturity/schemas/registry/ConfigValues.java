package org.pharmamaturity.schemas.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;

/**
 * Typed reads from a Kafka-style config map, whose values may be strings (from a properties file) or already
 * typed objects (from code). Every malformed value fails with a {@link ConfigException} naming the key.
 */
public final class ConfigValues {

    private final Map<String, ?> configs;

    private ConfigValues(Map<String, ?> configs) {
        this.configs = Map.copyOf(configs.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Wraps the map; null keys and null values are ignored. */
    public static ConfigValues of(Map<String, ?> configs) {
        return new ConfigValues(configs);
    }

    /** The raw value of the key, if set. */
    public Optional<Object> raw(String key) {
        return Optional.ofNullable(configs.get(key));
    }

    /** The value as trimmed text, if set and not blank. */
    public Optional<String> string(String key) {
        return raw(key).map(v -> v instanceof Class<?> c ? c.getName() : v.toString().trim())
                .filter(s -> !s.isEmpty());
    }

    /** The value as a boolean ({@code true}/{@code false}, any case), or the default when not set. */
    public boolean bool(String key, boolean defaultValue) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        if (value.get() instanceof Boolean b) {
            return b;
        }
        String text = value.get().toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value.get(), "expected true or false");
    }

    /** The value as an int of at least {@code min}, or the default when not set. */
    public int integer(String key, int defaultValue, int min) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        int parsed;
        if (value.get() instanceof Number n) {
            parsed = n.intValue();
        } else {
            try {
                parsed = Integer.parseInt(value.get().toString().trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(key, value.get(), "expected a whole number");
            }
        }
        if (parsed < min) {
            throw new ConfigException(key, value.get(), "must be at least " + min);
        }
        return parsed;
    }

    /** The value as a list: a {@link List} as given, or text split on commas; blank entries dropped. */
    public List<String> list(String key) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> items = value.get() instanceof List<?> l
                ? l.stream().map(String::valueOf).toList()
                : Arrays.asList(value.get().toString().split(","));
        return items.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
