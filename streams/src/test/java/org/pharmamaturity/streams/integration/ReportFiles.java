package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;

/** Reads the API's report files back as a regulator's spreadsheet program would. */
final class ReportFiles {

    private ReportFiles() {
    }

    /** The rows of a CSV report, by header; the file must start with the UTF-8 BOM Excel needs. */
    static List<CSVRecord> csv(byte[] file) throws IOException {
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().get().parse(new StringReader(text.substring(1)))) {
            return parser.getRecords();
        }
    }

    /** The index of the column headed {@code name} in a sheet's header row. */
    static int column(Row header, String name) {
        for (int i = 0; i < header.getLastCellNum(); i++) {
            if (name.equals(header.getCell(i).getStringCellValue())) {
                return i;
            }
        }
        throw new AssertionError("no column " + name + " in the header");
    }
}
