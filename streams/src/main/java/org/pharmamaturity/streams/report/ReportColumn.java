package org.pharmamaturity.streams.report;

/**
 * One column of a report: its header (the field name of the row's JSON object, so a header never needs
 * translating) and how its cells are typed in a spreadsheet.
 */
public record ReportColumn(String header, Kind kind) {

    /** How a cell is written. */
    public enum Kind {
        /** Text as it is. */
        TEXT,
        /** A number: a numeric cell in XLSX, so it sums and sorts as a number. */
        NUMBER,
        /** An ISO-8601 instant: a date cell (UTC) in XLSX, the ISO text in CSV. */
        INSTANT
    }

    public static ReportColumn text(String header) {
        return new ReportColumn(header, Kind.TEXT);
    }

    public static ReportColumn number(String header) {
        return new ReportColumn(header, Kind.NUMBER);
    }

    public static ReportColumn instant(String header) {
        return new ReportColumn(header, Kind.INSTANT);
    }
}
