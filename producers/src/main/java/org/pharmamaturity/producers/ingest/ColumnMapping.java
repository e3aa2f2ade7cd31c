package org.pharmamaturity.producers.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * Renames a file's column (or JSON member) names to the record's field names, from {@code --column
 * field=column} options, so files with their own headings can be ingested unchanged.
 */
public final class ColumnMapping {

    /** No renaming. */
    public static final ColumnMapping NONE = new ColumnMapping(Map.of());

    private final Map<String, String> fieldByColumn;

    private ColumnMapping(Map<String, String> fieldByColumn) {
        this.fieldByColumn = Map.copyOf(fieldByColumn);
    }

    /** A mapping from {@code field -> column} pairs as given on the command line. */
    public static ColumnMapping of(Map<String, String> columnByField) {
        Map<String, String> inverse = new HashMap<>();
        columnByField.forEach((field, column) -> inverse.put(column, field));
        return new ColumnMapping(inverse);
    }

    /** The field a column holds: the mapped name, or the column's own name. */
    public String fieldOf(String column) {
        return fieldByColumn.getOrDefault(column, column);
    }
}
