package org.pharmamaturity.streams.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reading query parameters, each failure a 400 naming the parameter and the expected form. */
final class Parameters {

    private Parameters() {
    }

    static int integer(ApiRequest request, String name, int fallback, int min, int max) {
        String text = request.query(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name + ": '" + text + "' is not a whole number from " + min + " to " + max + ".");
    }

    /**
     * An instant given as {@code 2026-03-01T09:00:00Z}, or a UTC day {@code 2026-03-01} (its start, or with
     * {@code endOfDay} its last millisecond).
     */
    static Instant instant(ApiRequest request, String name, Instant fallback, boolean endOfDay) {
        String text = request.query(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            LocalDate day = day(name, text);
            return endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                    : day.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }

    /** A UTC day given as {@code 2026-03-01}, or an instant (its UTC day). */
    static LocalDate day(ApiRequest request, String name, LocalDate fallback) {
        String text = request.query(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            return LocalDate.ofInstant(Instant.parse(text), ZoneOffset.UTC);
        } catch (DateTimeParseException notInstant) {
            return day(name, text);
        }
    }

    private static LocalDate day(String name, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + ": '" + text
                    + "' is neither a day like 2026-03-01 nor an instant like 2026-03-01T09:00:00Z.");
        }
    }
}
