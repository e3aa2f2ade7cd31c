package org.pharmamaturity.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The XLSX file of the enterprise report, read back with POI. */
class XlsxReportTest {

    private final List<String> headers = EnterpriseReport.COLUMNS.stream().map(ReportColumn::header).toList();

    @Test
    void oneSheetWithAFrozenBoldHeaderRow() throws IOException {
        try (XSSFWorkbook workbook = read(XlsxReport.write(List.of(EnterpriseReport.table(ReportFixtures.rows()))))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheet("enterprises");
            Row header = sheet.getRow(0);
            for (int c = 0; c < headers.size(); c++) {
                assertThat(header.getCell(c).getStringCellValue()).isEqualTo(headers.get(c));
            }
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            // frozen below the header: the split is at row 1, no column frozen
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isZero();
            // header + E1 + E2
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void numbersAreNumericCellsInstantsDateCellsAndChineseTextSurvives() throws IOException {
        try (XSSFWorkbook workbook = read(XlsxReport.write(List.of(EnterpriseReport.table(ReportFixtures.rows()))))) {
            Row e1 = workbook.getSheet("enterprises").getRow(1);
            assertThat(cell(e1, "name").getStringCellValue()).isEqualTo("上海\"华东\",制药有限公司");
            assertThat(cell(e1, "district").getStringCellValue()).isEqualTo("浦东新区");
            assertThat(cell(e1, "verifiedScore").getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cell(e1, "verifiedScore").getNumericCellValue()).isEqualTo(2.6);
            assertThat(cell(e1, "declaredLevel").getNumericCellValue()).isEqualTo(3.0);
            assertThat(cell(e1, "scenariosContradicted").getNumericCellValue()).isEqualTo(1.0);
            assertThat(cell(e1, "oee").getNumericCellValue()).isEqualTo(0.59375);
            // no value: no cell at all
            assertThat(cell(e1, "keyEquipmentNetworkingRate")).isNull();
            Cell asOf = cell(e1, "asOf");
            assertThat(DateUtil.isCellDateFormatted(asOf)).isTrue();
            assertThat(asOf.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.parse("2026-03-01T09:30:00"));
            Row e2 = workbook.getSheet("enterprises").getRow(2);
            // in a workbook a text cell is never a formula, so the name is kept as it is
            assertThat(cell(e2, "name").getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell(e2, "name").getStringCellValue()).isEqualTo("=1+1 医疗器械");
            assertThat(cell(e2, "eligibleTier")).isNull();
        }
    }

    @Test
    void anEmptyReportHasItsHeaderRowOnly() throws IOException {
        try (XSSFWorkbook workbook = read(XlsxReport.write(List.of(EnterpriseReport.table(List.of()))))) {
            assertThat(workbook.getSheet("enterprises").getLastRowNum()).isZero();
        }
    }

    private Cell cell(Row row, String header) {
        return row.getCell(headers.indexOf(header));
    }

    static XSSFWorkbook read(byte[] file) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(file));
    }
}
