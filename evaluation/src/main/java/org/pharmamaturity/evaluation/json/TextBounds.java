package org.pharmamaturity.evaluation.json;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bounds on what a document may carry and what a message may repeat of it, in one place: ids (submission,
 * enterprise, requirement and model ids, the REST API's path ids) are letters, digits, '.', '_' and '-', at most 64,
 * starting with a letter or digit; free text (evidence) is at most {@link #MAX_TEXT_LENGTH} characters; and a
 * message quotes at most {@link #MAX_SHOWN_LENGTH} characters of a value, so that an answer listing problems stays
 * small whatever was sent.
 */
public final class TextBounds {

    /** The longest id. */
    public static final int MAX_ID_LENGTH = 64;
    /** The longest free text (an answer's evidence). */
    public static final int MAX_TEXT_LENGTH = 2_000;
    /** The most of a value a problem message repeats. */
    public static final int MAX_SHOWN_LENGTH = 80;
    /** What an id may look like, for messages. */
    public static final String ID_RULE = "letters, digits, '.', '_', '-', at most " + MAX_ID_LENGTH
            + ", starting with a letter or digit";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_ID_LENGTH - 1) + "}");

    private TextBounds() {
    }

    /** True when {@code id} is a valid id (this keeps path traversal, key separators and control characters out). */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** A problem {@code field: not a valid id (...)} when {@code id} is present but not a valid id. */
    public static Optional<String> idProblem(String field, String id) {
        return id == null || id.isBlank() || isId(id) ? Optional.empty()
                : Optional.of(field + ": not a valid id (" + ID_RULE + ")");
    }

    /** A problem when free text {@code text} is longer than {@link #MAX_TEXT_LENGTH}. */
    public static Optional<String> textProblem(String field, String text) {
        return text == null || text.length() <= MAX_TEXT_LENGTH ? Optional.empty()
                : Optional.of(field + ": " + text.length() + " characters; at most " + MAX_TEXT_LENGTH);
    }

    /** {@code value} as a message may quote it: cut after {@link #MAX_SHOWN_LENGTH} characters, with the length. */
    public static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_SHOWN_LENGTH ? text
                : text.substring(0, MAX_SHOWN_LENGTH) + "... (" + text.length() + " characters)";
    }
}
