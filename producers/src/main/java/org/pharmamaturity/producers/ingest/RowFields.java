package org.pharmamaturity.producers.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Typed access to one row's fields that records every problem (missing, not a number, not one of the allowed
 * values, not an ISO-8601 instant, in the future) instead of stopping at the first, so a row is reported once
 * with all its faults.
 */
final class RowFields {

    /** How far ahead of the ingest time an event time may be (clock skew), beyond which it is refused. */
    static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    /** Separates the items of a list in one field, e.g. a shipment's batches {@code B-1;B-2}. */
    static final String LIST_SEPARATOR = ";";

    private final SourceRow row;
    private final Instant ingestTime;
    private final List<RowProblem> problems = new ArrayList<>();

    RowFields(SourceRow row, Instant ingestTime) {
        this.row = row;
        this.ingestTime = ingestTime;
    }

    /** A required text field; null (and a problem) when missing or blank. */
    String text(String name) {
        String value = optionalText(name);
        if (value == null) {
            problem(name, "missing");
        }
        return value;
    }

    /** An optional text field; null when missing or blank. */
    String optionalText(String name) {
        String value = row.fields().get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A required finite number. */
    double number(String name) {
        String text = text(name);
        if (text == null) {
            return 0;
        }
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                problem(name, "'" + text + "' is not a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            problem(name, "'" + text + "' is not a number");
            return 0;
        }
    }

    /** A required whole number that is zero or more, such as a unit count. */
    long count(String name) {
        String text = text(name);
        if (text == null) {
            return 0;
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                problem(name, "'" + text + "' is negative; counts are units since the previous count, zero or more");
            }
            return value;
        } catch (NumberFormatException e) {
            problem(name, "'" + text + "' is not a whole number");
            return 0;
        }
    }

    /** An optional finite number; null when missing. */
    Double optionalNumber(String name) {
        return optionalText(name) == null ? null : number(name);
    }

    /** An optional boolean; {@code fallback} when missing. */
    boolean optionalBool(String name, boolean fallback) {
        return optionalText(name) == null ? fallback : bool(name);
    }

    /** An optional list written as values separated by {@code ;} (JSON lines may give an array); empty when missing. */
    List<String> list(String name) {
        String text = optionalText(name);
        return text == null ? List.of() : Arrays.stream(text.split(LIST_SEPARATOR)).map(String::trim)
                .filter(item -> !item.isEmpty()).toList();
    }

    /** How {@link #list} reads a list from one field. */
    static String joinList(List<String> items) {
        return String.join(LIST_SEPARATOR, items);
    }

    /** A required boolean, {@code true} or {@code false}. */
    boolean bool(String name) {
        String text = text(name);
        if (text == null) {
            return false;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problem(name, "'" + text + "' is not true or false");
                yield false;
            }
        };
    }

    /** A required value of {@code type}, written as the constant's name in any case. */
    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String text = text(name);
        return text == null ? null : parseChoice(name, text, type);
    }

    /** An optional value of {@code type}; {@code fallback} when missing. */
    <E extends Enum<E>> E optionalChoice(String name, Class<E> type, E fallback) {
        String text = optionalText(name);
        return text == null ? fallback : parseChoice(name, text, type);
    }

    /** A required ISO-8601 instant, no later than the ingest time plus {@link #MAX_FUTURE}. */
    Instant instant(String name) {
        String text = text(name);
        return text == null ? null : parseInstant(name, text);
    }

    /** An optional ISO-8601 instant; {@code fallback} when missing. */
    Instant optionalInstant(String name, Instant fallback) {
        String text = optionalText(name);
        return text == null ? fallback : parseInstant(name, text);
    }

    /** An optional ISO-8601 date such as 2027-12-31; null when missing. */
    LocalDate optionalDate(String name) {
        String text = optionalText(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(name, "'" + text + "' is not an ISO-8601 date such as 2027-12-31");
            return null;
        }
    }

    /** The row's {@code eventId}, or one derived from file name, line and text, so re-ingesting a file repeats it. */
    String eventId() {
        String given = optionalText("eventId");
        if (given != null) {
            return given;
        }
        String origin = row.file().getFileName() + ":" + row.line() + ":" + row.text();
        return UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Records a problem with a field of this row. */
    void problem(String field, String reason) {
        problems.add(new RowProblem(row.file(), row.line(), field, reason));
    }

    List<RowProblem> problems() {
        return List.copyOf(problems);
    }

    private <E extends Enum<E>> E parseChoice(String name, String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(name, "'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private Instant parseInstant(String name, String text) {
        try {
            Instant value = Instant.parse(text);
            if (value.isAfter(ingestTime.plus(MAX_FUTURE))) {
                problem(name, "'" + text + "' is in the future (now " + ingestTime + "); check the source clock");
            }
            return value;
        } catch (DateTimeParseException e) {
            problem(name, "'" + text + "' is not an ISO-8601 instant such as 2026-03-01T08:00:00Z");
            return null;
        }
    }
}
