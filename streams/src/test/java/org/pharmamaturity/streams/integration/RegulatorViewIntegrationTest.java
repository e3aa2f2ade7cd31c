package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.pharmamaturity.streams.testing.TestRecords.title;
import static org.pharmamaturity.streams.testing.TestRecords.titleKey;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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
import org.pharmamaturity.schemas.avro.Title;
import org.pharmamaturity.schemas.avro.TitleAward;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.api.TokenAuthenticator;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.testing.Answers;
import org.pharmamaturity.streams.testing.TestRecords;

/**
 * The regulator's view end to end, through the service on the embedded broker and registry: titles, enterprises in
 * two districts and two sectors, three simulated days; the programme, group, history and report answers. No KPIs, so
 * verified = declared and no contradiction; every requirement up to level k FULL gives S = k and level k.
 * E1 (sector Q271, district D1), E2 (Q272, D1), E3 (Q272, D2). Day 1 (2025-05-01): E1 S = 2, E2 S = 3, E3 S = 5.
 * Day 2: E1 S = 4. Day 3: E2 S = 1. Each day is sent once the previous one is served, as days follow each other.
 * Titles: E3 is a pioneer enterprise, E1 holds a typical-scenario title (valid to 2099), E2 a benchmark title that
 * expired in 2020. The sectors Q27x (division Q27) are this test's own; the districts carry the run's id. The broker
 * is shared by the test JVM, so the programme counts other tests' enterprises too: its assertions are about this
 * run's ids.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegulatorViewIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String SCENARIO = "production-operations.equipment-monitoring";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String d1 = "D1-" + run;
    private final String d2 = "D2-" + run;
    private final String regulatorToken = "regulator-" + UUID.randomUUID();
    private final String enterpriseToken = "e1-" + UUID.randomUUID();
    private MaturityStreamsService service;
    private ApiClient api;
    private EmbeddedTopics topics;

    @BeforeAll
    void startServiceAndRunThreeDays(@TempDir Path stateDir) throws Exception {
        topics = new EmbeddedTopics();
        Map<String, String> settings = topics.serviceSettings("it-groups-" + run, stateDir);
        settings.put(ServiceSettings.CHECK_INTERVAL, "PT1S");
        settings.put(ServiceSettings.API_TOKENS, TokenAuthenticator.hash(regulatorToken) + " regulator,"
                + TokenAuthenticator.hash(enterpriseToken) + " enterprise:" + id("E1"));
        service = MaturityStreamsService.start(ServiceSettings.of(settings), new CountingPipelineMeters());
        api = new ApiClient(service.api().port());
        send(List.of(located(id("E1"), "Q271", d1), located(id("E2"), "Q272", d1), located(id("E3"), "Q272", d2),
                award(title(id("E3"), Title.PIONEER_ENTERPRISE, null, null)),
                award(title(id("E1"), Title.TYPICAL_SCENARIO, SCENARIO, LocalDate.parse("2099-12-31"))),
                award(title(id("E2"), Title.BENCHMARK_SMART_FACTORY, null, LocalDate.parse("2020-12-31")))));
        String q27 = "/api/v1/sectors/Q27/history";
        String district1 = "/api/v1/districts/" + d1 + "/history";
        String q272InDistrict1 = district1 + "?sector=Q272";
        day("2025-05-01", Map.of(id("E1"), 2, id("E2"), 3, id("E3"), 5), q27, district1, q272InDistrict1,
                "/api/v1/districts/" + d2 + "/history");
        day("2025-05-02", Map.of(id("E1"), 4), q27, district1);
        day("2025-05-03", Map.of(id("E2"), 1), q27, district1, q272InDistrict1);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aDistrictsHistoryHasOnePointPerDayWithItsChange() {
        JsonNode history = api.get("/api/v1/districts/" + d1 + "/history?compare=P1D", regulatorToken).json();
        assertThat(history.path("group").asText()).isEqualTo("district:" + d1);
        assertThat(history.path("groupKind").asText()).isEqualTo("DISTRICT");
        JsonNode points = history.path("points");
        assertThat(points.findValuesAsText("day")).containsExactly("2025-05-01", "2025-05-02", "2025-05-03");
        // day 1: E1 2, E2 3
        assertThat(points.get(0).path("meanScore").asDouble()).isCloseTo(2.5, within(1e-12));
        assertThat(points.get(0).path("shareAtLeastLevel3").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(points.get(0).path("change").isNull()).isTrue(); // nothing on 2025-04-30 or before
        // day 2: E1 4, E2 3
        assertThat(points.get(1).path("meanScore").asDouble()).isCloseTo(3.5, within(1e-12));
        assertThat(points.get(1).path("shareAtLeastLevel3").asDouble()).isCloseTo(1.0, within(1e-12));
        // day 3: E1 4, E2 1; against day 2: mean 2.5 - 3.5, share >= 3 0.5 - 1, share >= 2 0.5 - 1
        JsonNode day3 = points.get(2);
        assertThat(day3.path("meanScore").asDouble()).isCloseTo(2.5, within(1e-12));
        assertThat(day3.path("medianScore").asDouble()).isCloseTo(2.5, within(1e-12));
        assertThat(day3.path("levelDistribution").path("1").asInt()).isEqualTo(1);
        assertThat(day3.path("levelDistribution").path("4").asInt()).isEqualTo(1);
        assertThat(day3.path("tierCounts").path("basic").asInt()).isZero(); // no scenario declared
        JsonNode change = day3.path("change");
        assertThat(change.path("comparedWith").asText()).isEqualTo("2025-05-02");
        assertThat(change.path("enterprises").asInt()).isZero();
        assertThat(change.path("meanScore").asDouble()).isCloseTo(-1.0, within(1e-12));
        assertThat(change.path("shareAtLeastLevel3").asDouble()).isCloseTo(-0.5, within(1e-12));
        assertThat(change.path("shareAtLeastLevel2").asDouble()).isCloseTo(-0.5, within(1e-12));
        assertThat(change.path("levelDistribution").path("3").asInt()).isEqualTo(-1);
    }

    @Test
    void districtsSectorsWithinThemAndDivisionsAreServed() {
        JsonNode district2 = api.get("/api/v1/districts/" + d2, regulatorToken).json();
        assertThat(district2.path("enterprises").asInt()).isEqualTo(1); // E3
        assertThat(district2.path("meanScore").asDouble()).isCloseTo(5.0, within(1e-12));
        assertThat(district2.path("district").asText()).isEqualTo(d2);

        JsonNode q272InD1 = api.get("/api/v1/districts/" + d1 + "?sector=Q272", regulatorToken).json();
        assertThat(q272InD1.path("groupKind").asText()).isEqualTo("SECTOR_DISTRICT");
        assertThat(q272InD1.path("enterprises").asInt()).isEqualTo(1); // E2
        assertThat(q272InD1.path("meanScore").asDouble()).isCloseTo(1.0, within(1e-12));

        JsonNode q27 = api.get("/api/v1/sectors/Q27", regulatorToken).json();
        assertThat(q27.path("groupKind").asText()).isEqualTo("DIVISION");
        assertThat(q27.path("enterprises").asInt()).isEqualTo(3);
        assertThat(q27.path("meanScore").asDouble()).isCloseTo(10.0 / 3, within(1e-12)); // (4 + 1 + 5) / 3
        assertThat(q27.path("medianScore").asDouble()).isCloseTo(4.0, within(1e-12)); // 1, 4, 5

        // day 2 alone: E1 4, E2 3, E3 5: mean 4
        JsonNode day2 = api.get("/api/v1/sectors/Q27/history?from=2025-05-02&to=2025-05-02", regulatorToken).json();
        assertThat(day2.path("points").findValuesAsText("day")).containsExactly("2025-05-02");
        assertThat(day2.path("points").get(0).path("meanScore").asDouble()).isCloseTo(4.0, within(1e-12));

        List<String> districts = new ArrayList<>();
        api.get("/api/v1/districts?limit=500", regulatorToken).json().path("items")
                .forEach(item -> districts.add(item.path("district").asText()));
        assertThat(districts).contains(d1, d2);
        // the sector list is as it was: sectors and ALL only
        api.get("/api/v1/sectors?limit=500", regulatorToken).json().path("items").forEach(item ->
                assertThat(item.path("groupKind").asText()).isIn("SECTOR", "ALL"));
    }

    @Test
    void badRangesAndPeriodsAre400AndUnknownGroups404() {
        assertThat(api.get("/api/v1/districts/" + d1 + "/history?from=2025-05-03&to=2025-05-01", regulatorToken)
                .status()).isEqualTo(400);
        assertThat(api.get("/api/v1/districts/" + d1 + "/history?compare=P0D", regulatorToken).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/sectors/Q27/history?compare=ninety", regulatorToken).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/districts/nowhere-" + run, regulatorToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/districts/nowhere-" + run + "/history", regulatorToken).status()).isEqualTo(404);
    }

    @Test
    void toAnEnterpriseASmallDistrictShowsOnlyItsSize() {
        JsonNode district2 = api.get("/api/v1/districts/" + d2, enterpriseToken).json();
        assertThat(district2.path("enterprises").asInt()).isEqualTo(1);
        assertThat(district2.has("meanScore")).isFalse(); // 1 < the default minimum group size 3
        assertThat(district2.has("withheld")).isTrue();
    }

    @Test
    void theProgrammeCountsThisRunsTitlesAndCandidates() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            ApiClient.Answer answer = api.get("/api/v1/programme", regulatorToken);
            return answer.status() == 200 && texts(answer.json().path("pioneer").path("candidateIds")).contains(id("E1"))
                    && texts(answer.json().path("pioneer").path("awardedIds")).contains(id("E3"));
        });
        JsonNode programme = api.get("/api/v1/programme", regulatorToken).json();
        // after day 3: E1 level 4, E3 level 5 (no contradiction): pioneer candidates; E2 level 1: neither a candidate
        // nor close (close is level 2 without contradiction, or level 3+ with one)
        JsonNode pioneer = programme.path("pioneer");
        assertThat(ofThisRun(pioneer.path("candidateIds"))).containsExactly(id("E1"), id("E3"));
        assertThat(ofThisRun(pioneer.path("closeCandidateIds"))).isEmpty();
        assertThat(ofThisRun(pioneer.path("awardedIds"))).containsExactly(id("E3"));
        assertThat(texts(programme.path("scenario").path("awardedIds"))).contains(id("E1") + "|" + SCENARIO);
        // E2's benchmark title expired on 2020-12-31; nobody here is eligible for the excellent or leading tier
        assertThat(ofThisRun(programme.path("benchmark").path("awardedIds"))).isEmpty();
        assertThat(ofThisRun(programme.path("benchmark").path("candidateIds"))).isEmpty();
        assertThat(api.get("/api/v1/programme", enterpriseToken).status()).isEqualTo(403);
    }

    @Test
    void theReportsHoldTheDistrictsRowsAndTheGroupsTrend() throws Exception {
        List<CSVRecord> rows = ReportFiles.csv(api.download("/api/v1/reports/enterprises.csv?district=" + d1,
                regulatorToken).body());
        // D1: E1 (Q271, S = 4 after day 2) and E2 (Q272, S = 1 after day 3), ordered by id
        assertThat(rows).extracting(row -> row.get("enterpriseId") + " " + row.get("sector") + " "
                + row.get("verifiedScore") + " " + row.get("verifiedLevel")).containsExactly(
                id("E1") + " Q271 4.0 4", id("E2") + " Q272 1.0 1");
        // an enterprise's token: its own row only
        assertThat(ReportFiles.csv(api.download("/api/v1/reports/enterprises.csv", enterpriseToken).body()))
                .extracting(row -> row.get("enterpriseId")).containsExactly(id("E1"));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                api.download("/api/v1/reports/groups.xlsx", regulatorToken).body()))) {
            Sheet trend = workbook.getSheet("trend");
            List<String> district1 = new ArrayList<>();
            DataFormatter cells = new DataFormatter();
            Row header = trend.getRow(0);
            int day = ReportFiles.column(header, "day");
            int group = ReportFiles.column(header, "group");
            int mean = ReportFiles.column(header, "meanScore");
            for (Row row : trend) {
                if (("district:" + d1).equals(cells.formatCellValue(row.getCell(group)))) {
                    district1.add(cells.formatCellValue(row.getCell(day)) + " " + row.getCell(mean).getNumericCellValue());
                }
            }
            // the district's days: (2 + 3) / 2, (4 + 3) / 2, (4 + 1) / 2
            assertThat(district1).containsExactly("2025-05-01 2.5", "2025-05-02 3.5", "2025-05-03 2.5");
        }
    }

    private List<String> ofThisRun(JsonNode ids) {
        return texts(ids).stream().filter(id -> id.endsWith(run)).sorted().toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static Send award(TitleAward award) {
        return new Send(Topic.REF_TITLE.name(), titleKey(award), award);
    }

    private String id(String name) {
        return name + "-" + run;
    }

    /**
     * Sends the day's assessments (every requirement up to the level FULL) and waits until each is served and each of
     * the {@code histories} of the groups they change has the day's point: each group publishes on its own
     * partition's interval, and a group that has not published a day before the next day's change never will.
     */
    private void day(String day, Map<String, Integer> levels, String... histories) throws Exception {
        List<Send> sends = new ArrayList<>();
        levels.forEach((enterpriseId, level) -> sends.add(new Send(Topic.ASSESSMENT_SELF_SUBMITTED.name(),
                enterpriseId, TestRecords.assessment(enterpriseId, "A-" + day + "-" + enterpriseId,
                        day + "T08:00:00Z", Answers.fullUpTo(level)))));
        send(sends);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> levels.keySet().stream().allMatch(id -> {
            ApiClient.Answer answer = api.get("/api/v1/enterprises/" + id, regulatorToken);
            return answer.status() == 200 && answer.json().path("asOf").asText().startsWith(day)
                    && answer.json().path("district").isTextual()
                    && answer.json().path("verified").path("score").asDouble() == levels.get(id);
        }));
        for (String history : histories) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                ApiClient.Answer answer = api.get(history, regulatorToken);
                return answer.status() == 200 && answer.json().path("points").findValuesAsText("day").contains(day);
            });
        }
    }

    private Send located(String enterpriseId, String sector, String district) {
        Enterprise enterprise = TestRecords.enterprise(enterpriseId, sector);
        enterprise.setDistrict(district);
        return new Send(Topic.REF_ENTERPRISE.name(), enterpriseId, enterprise);
    }

    private void send(List<Send> sends) throws Exception {
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            for (Send send : sends) {
                producer.send(new ProducerRecord<>(send.topic(), send.key(), send.value()));
            }
            producer.flush();
        }
    }

    private record Send(String topic, String key, SpecificRecord value) {
    }
}
