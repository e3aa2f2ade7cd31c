package org.pharmamaturity.streams.api;

import java.util.regex.Pattern;

/**
 * What an id in a path may look like (enterprise ids, sector codes, district names such as 浦东新区): letters and
 * digits of any script, dot, underscore and hyphen, starting with a letter or digit. This keeps path traversal,
 * store-key separators ({@code @}) and control
 * characters out of every lookup.
 */
final class Identifiers {

    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");

    private Identifiers() {
    }

    static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** {@code id}, or 400 naming the parameter. */
    static String require(String name, String id) {
        if (!valid(id)) {
            throw ApiException.badRequest(name + ": not a valid id (letters, digits, '.', '_', '-', at most 64,"
                    + " starting with a letter or digit)");
        }
        return id;
    }
}
