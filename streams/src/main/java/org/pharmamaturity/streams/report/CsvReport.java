package org.pharmamaturity.streams.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report table as CSV (RFC 4180 as Excel writes it: comma, CRLF, quotes where needed) in UTF-8 with a byte order
 * mark, which is how Excel recognises UTF-8 and shows Chinese names instead of mojibake.
 */
public final class CsvReport {

    /** The media type of the file. */
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    /** U+FEFF, written first as the three bytes EF BB BF. */
    static final char BYTE_ORDER_MARK = '\uFEFF';
    /** A spreadsheet treats a cell starting with one of these as a formula (CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvReport() {
    }

    /** The table as the bytes of a CSV file: header row, then one record per row. */
    public static byte[] write(ReportTable table) {
        CSVFormat format = CSVFormat.EXCEL.builder()
                .setHeader(table.columns().stream().map(ReportColumn::header).toArray(String[]::new)).get();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            // before the printer, which writes the header row as soon as it is created
            writer.write(BYTE_ORDER_MARK);
            CSVPrinter printer = new CSVPrinter(writer, format);
            for (JsonNode row : table.rows()) {
                for (ReportColumn column : table.columns()) {
                    printer.print(text(ReportTable.cell(row, column), column));
                }
                printer.println();
            }
            printer.flush();
        } catch (IOException e) {
            // Writing to memory does not fail.
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String text(JsonNode cell, ReportColumn column) {
        if (cell == null) {
            return "";
        }
        String text = cell.asText();
        // A name like "=HYPERLINK(...)" must stay text when the file is opened in a spreadsheet.
        boolean formulaLike = column.kind() == ReportColumn.Kind.TEXT && !text.isEmpty()
                && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
        return formulaLike ? "'" + text : text;
    }
}
