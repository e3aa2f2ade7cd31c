package org.pharmamaturity.streams.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reading query parameters, each failure a 400 naming the parameter and the expected form. */
final class Parameters {

    /** {@code from} and {@code to} of a range query, checked by {@link #instantRange}. */
    record InstantRange(Instant from, Instant to) {
    }

    /** {@code from} and {@code to} of a range of UTC days, checked by {@link #dayRange}. */
    record DayRange(LocalDate from, LocalDate to) {
    }

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
            try {
                return endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                        : day.atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeException beyondTheCalendar) {
                throw ApiException.badRequest(name + ": '" + text + "' is beyond the dates this API knows.");
            }
        }
    }

    /**
     * {@code from} and {@code to} as instants ({@link #instant}), absent ones taking {@code earliest} and
     * {@code latest}; 400 unless both lie in [earliest, latest] and from is not after to. The store keys hold epoch
     * milliseconds of a fixed width, so a time outside the range could not be looked up.
     */
    static InstantRange instantRange(ApiRequest request, Instant earliest, Instant latest) {
        Instant from = instant(request, "from", earliest, false);
        Instant to = instant(request, "to", latest, true);
        checkRange(from, to, earliest, latest);
        return new InstantRange(from, to);
    }

    /** {@code from} and {@code to} as UTC days ({@link #day}), checked like {@link #instantRange}. */
    static DayRange dayRange(ApiRequest request, LocalDate first, LocalDate last) {
        LocalDate from = day(request, "from", first);
        LocalDate to = day(request, "to", last);
        checkRange(from, to, first, last);
        return new DayRange(from, to);
    }

    private static <T extends Comparable<? super T>> void checkRange(T from, T to, T earliest, T latest) {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("from", "to")) {
            T value = name.equals("from") ? from : to;
            if (value.compareTo(earliest) < 0 || value.compareTo(latest) > 0) {
                problems.add(name + ": " + value + " is outside " + earliest + " .. " + latest);
            }
        }
        if (problems.isEmpty() && from.compareTo(to) > 0) {
            problems.add("from " + from + " is after to " + to + "; give a from no later than the to");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("The range from..to is not valid.", problems);
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
        } catch (DateTimeException beyondTheCalendar) {
            throw ApiException.badRequest(name + ": '" + text + "' is beyond the dates this API knows.");
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
