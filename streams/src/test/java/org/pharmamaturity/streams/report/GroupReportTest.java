package org.pharmamaturity.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.json.Json;

/**
 * The group report: one sheet per group kind from the JSON of SectorMaturity records (as the API serves them), with
 * nested figures flattened into columns. Records without {@code groupKind} (today's) are sectors, or ALL.
 */
class GroupReportTest {

    private static final String C272 = """
            {"eventId": "x1", "eventTime": "2026-03-01T10:00:00Z", "sector": "C272", "asOf": "2026-03-01T09:30:00Z",
             "modelVersion": null, "enterprises": 3, "levelDistribution": {"0": 1, "2": 2}, "meanScore": 1.8,
             "shareAtLeastLevel3": 0.0, "kpiBenchmarks": {"oee": {"enterprises": 3, "median": 0.6}}}""";
    private static final String C271 = """
            {"eventId": "x2", "sector": "C271", "asOf": "2026-03-02T00:00:00Z", "modelVersion": "cmmm-process-v1",
             "enterprises": 1, "levelDistribution": {"3": 1}, "meanScore": 3.0}""";
    private static final String ALL = """
            {"eventId": "x3", "sector": "ALL", "asOf": "2026-03-02T00:00:00Z", "enterprises": 4, "meanScore": 2.1}""";
    /** A record of a later version of the contract, with its group kind. */
    private static final String PUDONG = """
            {"eventId": "x4", "sector": "district:浦东新区", "groupKind": "DISTRICT", "asOf": "2026-03-02T00:00:00Z",
             "enterprises": 2, "meanScore": 2.5}""";

    @Test
    void oneSheetPerKindOneRowPerGroup() throws IOException {
        List<ReportTable> tables = GroupReport.tables(groups(C272, ALL, PUDONG, C271));

        assertThat(tables).extracting(ReportTable::name).containsExactly("ALL", "DISTRICT", "SECTOR");
        ReportTable sectors = tables.get(2);
        // ordered by group: C271 before C272
        assertThat(sectors.rows()).extracting(row -> row.path("sector").asText()).containsExactly("C271", "C272");
        // eventId and eventTime are left out; fields in the order first seen (C271's, then C272's
        // shareAtLeastLevel3 and kpiBenchmarks); a nested map becomes one column per key, sorted
        assertThat(sectors.columns()).extracting(ReportColumn::header).containsExactly("sector", "asOf",
                "modelVersion", "enterprises", "levelDistribution.0", "levelDistribution.2", "levelDistribution.3",
                "meanScore", "shareAtLeastLevel3", "kpiBenchmarks.oee.enterprises", "kpiBenchmarks.oee.median");
        // modelVersion: null in C272, text in C271
        assertThat(sectors.columns()).extracting(ReportColumn::kind).containsExactly(ReportColumn.Kind.TEXT,
                ReportColumn.Kind.INSTANT, ReportColumn.Kind.TEXT, ReportColumn.Kind.NUMBER, ReportColumn.Kind.NUMBER,
                ReportColumn.Kind.NUMBER, ReportColumn.Kind.NUMBER, ReportColumn.Kind.NUMBER, ReportColumn.Kind.NUMBER,
                ReportColumn.Kind.NUMBER, ReportColumn.Kind.NUMBER);
        assertThat(tables.get(1).rows().get(0).path("groupKind").asText()).isEqualTo("DISTRICT");
    }

    @Test
    void theWorkbookHasTheSheetsWithTypedCells() throws IOException {
        try (XSSFWorkbook workbook = XlsxReportTest.read(XlsxReport.write(GroupReport.tables(groups(C272, C271, ALL))))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).isEqualTo("ALL");
            Sheet sectors = workbook.getSheet("SECTOR");
            assertThat(sectors.getPaneInformation().isFreezePane()).isTrue();
            Row header = sectors.getRow(0);
            Row c272 = sectors.getRow(2);
            assertThat(c272.getCell(0).getStringCellValue()).isEqualTo("C272");
            assertThat(c272.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.parse("2026-03-01T09:30:00"));
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("meanScore");
            assertThat(c272.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(c272.getCell(7).getNumericCellValue()).isEqualTo(1.8);
            assertThat(header.getCell(10).getStringCellValue()).isEqualTo("kpiBenchmarks.oee.median");
            assertThat(c272.getCell(10).getNumericCellValue()).isEqualTo(0.6);
            // C272 has no level-3 enterprise, C271 has one: an empty cell and a 1
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("levelDistribution.3");
            assertThat(c272.getCell(6)).isNull();
            assertThat(sectors.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(1.0);
            // modelVersion null in C272: an empty cell
            assertThat(c272.getCell(2)).isNull();
        }
    }

    @Test
    void theDailyPointsMakeTheTrendSheetOrderedByGroupAndDay() throws IOException {
        List<JsonNode> rows = groups(C272, ALL);
        // history points as the group-history store gives them (key group@day), in store order: ALL's second day first
        rows.add(GroupReport.trendPoint("ALL", LocalDate.parse("2026-03-02"), Json.mapper().readTree(ALL)));
        rows.add(GroupReport.trendPoint("C272", LocalDate.parse("2026-03-01"), Json.mapper().readTree(C272)));
        rows.add(GroupReport.trendPoint("ALL", LocalDate.parse("2026-03-01"), Json.mapper().readTree("""
                {"eventId": "x5", "sector": "ALL", "asOf": "2026-03-01T23:00:00Z", "enterprises": 3, "meanScore": 1.8}""")));

        List<ReportTable> tables = GroupReport.tables(rows);

        // the latest statistics as before (ALL, SECTOR), then the trend sheet
        assertThat(tables).extracting(ReportTable::name).containsExactly("ALL", "SECTOR", "trend");
        ReportTable trend = tables.get(2);
        // ordered by group, then day: ALL 03-01 (3 enterprises), ALL 03-02 (4), C272 03-01 (3)
        assertThat(trend.rows()).extracting(row -> row.path("group").asText() + " " + row.path("day").asText()
                + " " + row.path("enterprises").asInt()).containsExactly("ALL 2026-03-01 3", "ALL 2026-03-02 4",
                "C272 2026-03-01 3");
        assertThat(trend.columns()).extracting(ReportColumn::header).startsWith("group", "day", "sector");
        try (XSSFWorkbook workbook = XlsxReportTest.read(XlsxReport.write(tables))) {
            Sheet sheet = workbook.getSheet("trend");
            // header, then the three points; ALL's mean on 2026-03-02 is 2.1
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("2026-03-02");
            int mean = columnIndex(sheet.getRow(0), "meanScore");
            assertThat(sheet.getRow(2).getCell(mean).getNumericCellValue()).isEqualTo(2.1);
        }
    }

    @Test
    void theKindComesFromGroupKindElseFromTheKey() throws IOException {
        assertThat(GroupReport.kind(Json.mapper().readTree(ALL))).isEqualTo("ALL");
        assertThat(GroupReport.kind(Json.mapper().readTree(C272))).isEqualTo("SECTOR");
        assertThat(GroupReport.kind(Json.mapper().readTree(PUDONG))).isEqualTo("DISTRICT");
    }

    @Test
    void withoutGroupsTheWorkbookHasOneEmptySheet() throws IOException {
        try (XSSFWorkbook workbook = XlsxReportTest.read(XlsxReport.write(GroupReport.tables(List.of())))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            // the header row only
            assertThat(workbook.getSheet("ALL").getLastRowNum()).isZero();
            assertThat(workbook.getSheet("ALL").getRow(0).getCell(1).getStringCellValue()).isEqualTo("enterprises");
        }
    }

    private static int columnIndex(Row header, String name) {
        for (int i = 0; i < header.getLastCellNum(); i++) {
            if (header.getCell(i).getStringCellValue().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static List<JsonNode> groups(String... json) throws IOException {
        List<JsonNode> groups = new ArrayList<>();
        for (String text : json) {
            groups.add(Json.mapper().readTree(text));
        }
        return groups;
    }
}
