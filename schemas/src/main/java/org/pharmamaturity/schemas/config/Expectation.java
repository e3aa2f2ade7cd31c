package org.pharmamaturity.schemas.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * What a setting must be, said once: the validator of its {@link ConfigDef} entry, the "valid values" of the
 * settings reference, and the end of the sentence that reports a bad value ({@code '<value>' is not <expectation>}).
 *
 * @param description what a good value is, e.g. "a whole number from 0 to 65535"
 * @param test whether a parsed value is one
 */
public record Expectation(String description, Predicate<Object> test) implements ConfigDef.Validator {

    /** Any parsed boolean: the type has already refused everything else. */
    public static final Expectation TRUE_OR_FALSE = new Expectation("true or false", value -> true);

    /** An int (type INT or SHORT) from {@code min} to {@code max}. */
    public static Expectation wholeNumber(int min, int max) {
        return new Expectation("a whole number from " + min + " to " + max,
                value -> value instanceof Number n && n.longValue() >= min && n.longValue() <= max);
    }

    /** An ISO-8601 duration (type STRING) above zero, or also zero. */
    public static Expectation duration(boolean zeroAllowed) {
        return duration("an ISO-8601 duration such as PT1H or P1D, " + (zeroAllowed ? "zero or more" : "above zero"),
                duration -> !duration.isNegative() && (zeroAllowed || !duration.isZero()));
    }

    /** An ISO-8601 duration (type STRING) of one or more whole days, such as P1825D. */
    public static Expectation wholeDays() {
        return duration("an ISO-8601 duration of whole days such as P1825D, at least P1D",
                duration -> duration.compareTo(Duration.ofDays(1)) >= 0 && duration.toSeconds() % 86_400 == 0);
    }

    private static Expectation duration(String description, Predicate<Duration> test) {
        return new Expectation(description, value -> {
            try {
                return value != null && test.test(Duration.parse(value.toString()));
            } catch (DateTimeParseException e) {
                return false;
            }
        });
    }

    /** One of {@code values} (type STRING), as written. */
    public static Expectation oneOf(String... values) {
        List<String> allowed = List.of(values);
        return new Expectation("one of " + String.join(" and ", allowed), allowed::contains);
    }

    /** As {@code required}, or not set at all. */
    public static Expectation optional(Expectation required) {
        return new Expectation(required.description + ", or empty", value -> value == null || required.test.test(value));
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (!test.test(value)) {
            throw new ConfigException(problem(name, value));
        }
    }

    /** The sentence that reports {@code value} as a bad value of {@code name}. */
    public String problem(String name, Object value) {
        return name + ": '" + (value == null ? "" : value.toString().trim()) + "' is not " + description;
    }

    @Override
    public String toString() {
        return description;
    }
}
