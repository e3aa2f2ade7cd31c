package org.pharmamaturity.streams.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Report tables as an XLSX workbook, one sheet per table: a bold header row frozen at the top, numbers as numeric
 * cells, instants as date cells in UTC. Written with POI's streaming workbook, which keeps only a window of rows in
 * memory however many enterprises there are.
 */
public final class XlsxReport {

    /** The media type of the file. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows kept in memory while writing; older ones are flushed to a temporary file. */
    private static final int ROW_WINDOW = 200;
    private static final int MIN_WIDTH_CHARS = 12;

    private XlsxReport() {
    }

    /** The tables as the bytes of an XLSX file. */
    public static byte[] write(List<ReportTable> tables) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            for (ReportTable table : tables) {
                writeSheet(workbook.createSheet(WorkbookUtil.createSafeSheetName(table.name())), table, styles);
            }
            workbook.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static void writeSheet(Sheet sheet, ReportTable table, Styles styles) {
        List<ReportColumn> columns = table.columns();
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            header.createCell(c).setCellValue(columns.get(c).header());
            header.getCell(c).setCellStyle(styles.header);
            sheet.setColumnWidth(c, Math.max(MIN_WIDTH_CHARS, columns.get(c).header().length() + 2) * 256);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (JsonNode values : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                JsonNode cell = ReportTable.cell(values, columns.get(c));
                if (cell != null) {
                    writeCell(row, c, cell, columns.get(c).kind(), styles);
                }
            }
        }
    }

    private static void writeCell(Row row, int column, JsonNode value, ReportColumn.Kind kind, Styles styles) {
        switch (kind) {
            case NUMBER -> row.createCell(column).setCellValue(value.asDouble());
            case INSTANT -> {
                row.createCell(column).setCellValue(LocalDateTime.ofInstant(Instant.parse(value.asText()), ZoneOffset.UTC));
                row.getCell(column).setCellStyle(styles.instant);
            }
            case TEXT -> row.createCell(column).setCellValue(value.asText());
        }
    }

    /** The two cell styles of a workbook (styles belong to a workbook and are shared by its cells). */
    private static final class Styles {

        private final CellStyle header;
        private final CellStyle instant;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            instant = workbook.createCellStyle();
            instant.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        }
    }
}
