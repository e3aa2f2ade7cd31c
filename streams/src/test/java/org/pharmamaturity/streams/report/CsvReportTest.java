package org.pharmamaturity.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.testing.ExternalTools;
import org.pharmamaturity.testing.ScriptRunner;

/** The CSV file of the enterprise report, read back with Commons CSV and with Python's csv module. */
class CsvReportTest {

    private static final Path SCRIPTS = Path.of("src", "test", "python").toAbsolutePath();

    private final byte[] file = CsvReport.write(EnterpriseReport.table(ReportFixtures.rows()));

    @Test
    void theFileStartsWithTheUtf8ByteOrderMark() {
        // U+FEFF in UTF-8: EF BB BF
        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    }

    @Test
    void commonsCsvReadsEveryCellBack() throws IOException {
        String text = new String(file, StandardCharsets.UTF_8).substring(1);
        try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().get().parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(
                    EnterpriseReport.COLUMNS.stream().map(ReportColumn::header).toList());
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(2);
            CSVRecord e1 = records.get(0);
            assertThat(e1.get("name")).isEqualTo("上海\"华东\",制药有限公司");
            assertThat(e1.get("district")).isEqualTo("浦东新区");
            assertThat(e1.get("verifiedScore")).isEqualTo("2.6");
            assertThat(e1.get("verifiedLevel")).isEqualTo("2");
            assertThat(e1.get("oee")).isEqualTo("0.59375");
            assertThat(e1.get("keyEquipmentNetworkingRate")).isEmpty();
            assertThat(e1.get("nextTierUnmet")).isEqualTo(ReportFixtures.ADVANCED_UNMET_1 + "; "
                    + ReportFixtures.ADVANCED_UNMET_2);
            assertThat(e1.get("asOf")).isEqualTo("2026-03-01T09:30:00Z");
            CSVRecord e2 = records.get(1);
            // a text starting with '=' would run as a formula in a spreadsheet: it gets a leading quote
            assertThat(e2.get("name")).isEqualTo("'=1+1 医疗器械");
            assertThat(e2.get("eligibleTier")).isEmpty();
            assertThat(e2.get("verifiedScore")).isEqualTo("0.5");
        }
        // Excel's dialect: records end with CRLF
        assertThat(new String(file, StandardCharsets.UTF_8)).contains("\r\n");
    }

    @Test
    @Tag("integration")
    void pythonsCsvModuleReadsTheSameCells(@TempDir Path dir) throws IOException {
        ExternalTools.requireProgram("python3", "apt-get install -y --no-install-recommends python3");
        Path csv = dir.resolve("enterprises.csv");
        Files.write(csv, file);

        List<String> lines = ScriptRunner.run(SCRIPTS, List.of("python3", "read_report_csv.py", csv.toString()));

        JsonNode rows = Json.mapper().readTree(String.join("\n", lines));
        assertThat(rows).hasSize(2);
        // read with encoding utf-8-sig: the BOM is not part of the first header
        assertThat(rows.get(0).fieldNames().next()).isEqualTo("enterpriseId");
        assertThat(rows.get(0).path("name").asText()).isEqualTo("上海\"华东\",制药有限公司");
        assertThat(rows.get(0).path("district").asText()).isEqualTo("浦东新区");
        assertThat(rows.get(0).path("declaredScore").asText()).isEqualTo("3.5");
        assertThat(rows.get(0).path("scenariosDeployed").asText()).isEqualTo("2");
        assertThat(rows.get(1).path("district").asText()).isEqualTo("闵行区");
        assertThat(rows.get(1).path("manufacturingType").asText()).isEqualTo("DISCRETE");
        assertThat(rows.get(1).path("oee").asText()).isEmpty();
    }
}
