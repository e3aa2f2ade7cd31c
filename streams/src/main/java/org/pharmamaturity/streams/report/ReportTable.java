package org.pharmamaturity.streams.report;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One table of a report (a CSV file, or one sheet of a workbook): its name, its columns, and its rows as JSON
 * objects whose fields are named by the columns' headers. A field that is missing or null is an empty cell.
 * Rows are JSON because instances of the service exchange them as JSON before one of them writes the file.
 */
public record ReportTable(String name, List<ReportColumn> columns, List<JsonNode> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The cell of {@code row} in {@code column}, or null when it is empty. */
    static JsonNode cell(JsonNode row, ReportColumn column) {
        JsonNode value = row.get(column.header());
        return value == null || value.isNull() ? null : value;
    }
}
