package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.ManufacturingType;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.api.TokenAuthenticator;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.testing.Answers;

/**
 * The report downloads through real HTTP against a running service on the embedded broker: who gets which rows,
 * the filters, the 400s, and the files read back with Commons CSV and POI.
 *
 * <p>The data (ids and sectors unique to the run, as other tests share the broker): A (上海甲制药, sector SA,
 * 浦东新区) and C (sector SB, 浦东新区) self-assess every requirement of levels 1 and 2 FULL: L1 = L2 = 1, L3 = 0, so
 * S = 2, level 2. B (sector SA, 闵行区) every requirement of level 1 FULL: S = 1, level 1.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PUDONG = "浦东新区";
    private static final String MINHANG = "闵行区";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String a = "A-" + run;
    private final String b = "B-" + run;
    private final String c = "C-" + run;
    private final String sectorA = "SA-" + run;
    private final String sectorB = "SB-" + run;
    private final String regulatorToken = "regulator-" + UUID.randomUUID();
    private final String tokenA = "a-" + UUID.randomUUID();
    private MaturityStreamsService service;
    private ApiClient api;

    @BeforeAll
    void startServiceAndFeedIt(@TempDir Path stateDir) throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            send(producer, Topic.REF_ENTERPRISE, a, enterprise(a, "上海甲制药", sectorA, PUDONG));
            send(producer, Topic.REF_ENTERPRISE, b, enterprise(b, "闵行乙药业", sectorA, MINHANG));
            send(producer, Topic.REF_ENTERPRISE, c, enterprise(c, "丙生物", sectorB, PUDONG));
            producer.flush();
        }
        Map<String, String> settings = topics.serviceSettings("it-reports-" + run, stateDir);
        settings.put(ServiceSettings.API_TOKENS, TokenAuthenticator.hash(regulatorToken) + " regulator,"
                + TokenAuthenticator.hash(tokenA) + " enterprise:" + a);
        service = MaturityStreamsService.start(ServiceSettings.of(settings), new CountingPipelineMeters());
        api = new ApiClient(service.api().port());
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            send(producer, Topic.ASSESSMENT_SELF_SUBMITTED, a, assessment(a, "SA", "2025-03-01T00:00:00Z", Answers.fullUpTo(2)));
            send(producer, Topic.ASSESSMENT_SELF_SUBMITTED, b, assessment(b, "SB", "2025-03-01T00:00:00Z", Answers.fullUpTo(1)));
            send(producer, Topic.ASSESSMENT_SELF_SUBMITTED, c, assessment(c, "SC", "2025-03-01T00:00:00Z", Answers.fullUpTo(2)));
            producer.flush();
        }
        api.awaitEnterprises("/api/v1/sectors/" + sectorA, regulatorToken, 2, WAIT);
        api.awaitEnterprises("/api/v1/sectors/" + sectorB, regulatorToken, 1, WAIT);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theRegulatorsCsvOfASectorHasARowPerEnterprise() throws IOException {
        HttpResponse<byte[]> file = api.download("/api/v1/reports/enterprises.csv?sector=" + sectorA, regulatorToken);

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(file.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"enterprises.csv\"");
        List<CSVRecord> rows = ReportFiles.csv(file.body());
        assertThat(rows).extracting(row -> row.get("enterpriseId")).containsExactly(a, b);
        assertThat(rows.get(0).get("name")).isEqualTo("上海甲制药");
        assertThat(rows.get(0).get("district")).isEqualTo(PUDONG);
        assertThat(rows.get(0).get("manufacturingType")).isEqualTo("PROCESS");
        // A: S = 1 + 1 + 0 = 2, level 2 in both views (no KPI caps anything)
        assertThat(rows.get(0).get("verifiedScore")).isEqualTo("2.0");
        assertThat(rows.get(0).get("verifiedLevel")).isEqualTo("2");
        assertThat(rows.get(0).get("declaredLevel")).isEqualTo("2");
        assertThat(rows.get(0).get("contradictions")).isEqualTo("0");
        // no KPIs: empty cells
        assertThat(rows.get(0).get("oee")).isEmpty();
        assertThat(rows.get(0).get("modelVersion")).isEqualTo("cmmm-2020-reference");
        // B: L1 = 1, L2 = 0 < 0.8, so S = 1, level 1
        assertThat(rows.get(1).get("verifiedScore")).isEqualTo("1.0");
        assertThat(rows.get(1).get("verifiedLevel")).isEqualTo("1");
        assertThat(rows.get(1).get("district")).isEqualTo(MINHANG);
    }

    @Test
    void theFiltersCombine() throws IOException {
        String pudong = URLEncoder.encode(PUDONG, StandardCharsets.UTF_8);
        List<CSVRecord> inPudong = ReportFiles.csv(api.download("/api/v1/reports/enterprises.csv?district=" + pudong,
                regulatorToken).body());
        assertThat(inPudong).allSatisfy(row -> assertThat(row.get("district")).isEqualTo(PUDONG));
        assertThat(ofThisRun(inPudong)).containsExactly(a, c);

        List<CSVRecord> levelOne = ReportFiles.csv(api.download("/api/v1/reports/enterprises.csv?sector=" + sectorA + "&level=1",
                regulatorToken).body());
        assertThat(levelOne).extracting(row -> row.get("enterpriseId")).containsExactly(b);
        List<CSVRecord> none = ReportFiles.csv(api.download("/api/v1/reports/enterprises.csv?sector=" + sectorB + "&district="
                + URLEncoder.encode(MINHANG, StandardCharsets.UTF_8), regulatorToken).body());
        assertThat(none).isEmpty();
    }

    @Test
    void anEnterpriseTokenGetsItsOwnRowOnly() throws IOException {
        HttpResponse<byte[]> file = api.download("/api/v1/reports/enterprises.xlsx", tokenA);

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"enterprises.xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheet("enterprises");
            // the header and A's row, nothing of B or C
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(a);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("上海甲制药");
            // verifiedScore (column 8): the number 2
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("verifiedScore");
            assertThat(sheet.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(2.0);
        }
        assertThat(api.get("/api/v1/reports/enterprises.csv?sector=" + sectorB, tokenA).body()).doesNotContain(c);
        assertThat(api.get("/api/v1/reports/groups.xlsx", tokenA).status()).isEqualTo(403);
    }

    @Test
    void withoutATokenEveryReportIs401() {
        for (String path : List.of("/api/v1/reports/enterprises.csv", "/api/v1/reports/enterprises.xlsx",
                "/api/v1/reports/groups.xlsx")) {
            ApiClient.Answer answer = api.get(path, null);
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.body()).doesNotContain(a);
        }
    }

    @Test
    void badParametersAreOne400NamingEachOfThem() {
        ApiClient.Answer answer = api.get("/api/v1/reports/enterprises.xlsx?sector=..%2Fetc&level=7&district="
                + "x".repeat(65), regulatorToken);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(texts(answer.json().path("problems"))).containsExactly(
                "sector: '../etc' is not a sector code such as C272",
                "district: not a district name (at most 64 characters, no control characters)",
                "level: '7' is not a verified level 0-5");
        assertThat(api.get("/api/v1/reports/enterprises.csv?colour=red", regulatorToken).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/groups.xlsx?sector=" + sectorA, regulatorToken).status()).isEqualTo(400);
    }

    @Test
    void theGroupReportHasASheetPerKind() throws IOException {
        HttpResponse<byte[]> file = api.download("/api/v1/reports/groups.xlsx", regulatorToken);

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"groups.xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(workbook.getSheet("ALL")).isNotNull();
            Sheet sectors = workbook.getSheet("SECTOR");
            Row sa = row(sectors, sectorA);
            // SA: A and B, mean S = (2 + 1) / 2 = 1.5, one of two at level 2 or higher = 0.5
            assertThat(number(sectors, sa, "enterprises")).isEqualTo(2.0);
            assertThat(number(sectors, sa, "meanScore")).isEqualTo(1.5);
            assertThat(number(sectors, sa, "shareAtLeastLevel2")).isEqualTo(0.5);
            assertThat(number(sectors, sa, "levelDistribution.1")).isEqualTo(1.0);
            assertThat(number(sectors, sa, "levelDistribution.2")).isEqualTo(1.0);
            Row sb = row(sectors, sectorB);
            assertThat(number(sectors, sb, "enterprises")).isEqualTo(1.0);
            assertThat(number(sectors, sb, "meanScore")).isEqualTo(2.0);
        }
    }

    private List<String> ofThisRun(List<CSVRecord> rows) {
        return rows.stream().map(row -> row.get("enterpriseId")).filter(id -> id.endsWith(run)).toList();
    }

    private static Row row(Sheet sheet, String group) {
        for (Row row : sheet) {
            if (group.equals(new DataFormatter().formatCellValue(row.getCell(0)))) {
                return row;
            }
        }
        throw new AssertionError("no row of " + group + " in sheet " + sheet.getSheetName());
    }

    private static double number(Sheet sheet, Row row, String header) {
        for (int column = 0; column < sheet.getRow(0).getLastCellNum(); column++) {
            if (header.equals(sheet.getRow(0).getCell(column).getStringCellValue())) {
                return row.getCell(column).getNumericCellValue();
            }
        }
        throw new AssertionError("no column " + header + " in sheet " + sheet.getSheetName());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Enterprise enterprise(String id, String name, String sector, String district) {
        return new Enterprise(UUID.randomUUID().toString(), Instant.parse("2025-01-01T00:00:00Z"), id, name,
                "91310000" + id, sector, district, ManufacturingType.PROCESS);
    }

    private static <V extends SpecificRecord> void send(KafkaProducer<String, SpecificRecord> producer, Topic<V> topic,
            String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), key, value));
    }
}
