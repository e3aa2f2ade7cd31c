package org.pharmamaturity.producers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.producers.testing.CliRun;
import org.pharmamaturity.producers.testing.ConfluentPythonConsumer;
import org.pharmamaturity.producers.testing.TopicProbe;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.AssessmentAnswer;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.EquipmentClass;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.ManufacturingType;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.schemas.avro.TelemetryQuality;
import org.pharmamaturity.testing.EmbeddedStack;

/** {@code ingest} of the example files through the real broker and registry, read back with our deserializer. */
@Tag("integration")
class IngestKafkaTest {

    private static EmbeddedStack stack;
    private static TopicProbe probe;

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.shared();
        probe = new TopicProbe(stack);
    }

    @Test
    void exampleFilesEndAsTheExpectedRecords() {
        assertThat(CliRun.against(stack, "ingest", "enterprises", "examples/enterprises.csv").exitCode()).isZero();
        assertThat(CliRun.against(stack, "ingest", "equipment", "examples/equipment.csv").exitCode()).isZero();
        assertThat(CliRun.against(stack, "ingest", "telemetry", "examples/telemetry.csv").exitCode()).isZero();
        assertThat(CliRun.against(stack, "ingest", "states", "examples/states.jsonl").exitCode()).isZero();
        assertThat(CliRun.against(stack, "ingest", "assessments", "examples/assessment.json",
                "examples/assessment.csv").exitCode()).isZero();

        List<Enterprise> enterprises = probe.values(Topic.REF_ENTERPRISE.name(), Enterprise.class).stream()
                .filter(e -> e.getEnterpriseId().startsWith("EX-E00")).toList();
        assertThat(enterprises).extracting(Enterprise::getEnterpriseId, Enterprise::getName, Enterprise::getSector,
                        Enterprise::getManufacturingType)
                .containsExactlyInAnyOrder(
                        tuple("EX-E001", "上海示例生物制品有限公司", "C276", ManufacturingType.PROCESS),
                        tuple("EX-E002", "上海示例医疗器械有限公司, 松江分厂", "C358", ManufacturingType.DISCRETE));

        List<Equipment> equipment = probe.values(Topic.REF_EQUIPMENT.name(), Equipment.class).stream()
                .filter(e -> e.getEquipmentId().startsWith("EX-E00")).toList();
        assertThat(equipment).extracting(Equipment::getEquipmentId, Equipment::getEquipmentClass,
                        Equipment::getDataInterface, Equipment::getLineId)
                .containsExactlyInAnyOrder(
                        tuple("EX-E001-BR1", EquipmentClass.BIOREACTOR, true, "EX-E001-L1"),
                        tuple("EX-E001-FL1", EquipmentClass.FILLER, false, "EX-E001-L1"),
                        tuple("EX-E002-PK1", EquipmentClass.PACKAGING, false, null));

        List<EquipmentTelemetry> telemetry = probe.values(Topic.FACTORY_EQUIPMENT_TELEMETRY.name(),
                EquipmentTelemetry.class).stream().filter(t -> t.getEquipmentId().equals("EX-E001-BR1")).toList();
        // one partition (key EX-E001-BR1), so file order is kept
        assertThat(telemetry).extracting(EquipmentTelemetry::getEventTime, EquipmentTelemetry::getValue,
                        EquipmentTelemetry::getQuality)
                .containsExactly(
                        tuple(Instant.parse("2026-03-01T08:00:00Z"), 41.5, TelemetryQuality.GOOD),
                        tuple(Instant.parse("2026-03-01T08:01:00Z"), 40.25, TelemetryQuality.GOOD),
                        tuple(Instant.parse("2026-03-01T08:02:00Z"), 39.75, TelemetryQuality.UNCERTAIN));

        List<EquipmentStateChange> states = probe.values(Topic.FACTORY_EQUIPMENT_STATE.name(),
                EquipmentStateChange.class).stream().filter(s -> s.getEquipmentId().equals("EX-E001-FL1")).toList();
        assertThat(states).extracting(EquipmentStateChange::getState, EquipmentStateChange::getReasonCode)
                .containsExactly(
                        tuple(EquipmentState.RUNNING, null),
                        tuple(EquipmentState.UNPLANNED_STOP, "JAM"),
                        tuple(EquipmentState.RUNNING, null));

        List<SelfAssessmentSubmission> submissions = probe.values(Topic.ASSESSMENT_SELF_SUBMITTED.name(),
                SelfAssessmentSubmission.class).stream().filter(s -> s.getSubmissionId().startsWith("EX-SA-2026")).toList();
        assertThat(submissions).extracting(SelfAssessmentSubmission::getSubmissionId)
                .containsExactlyInAnyOrder("EX-SA-2026-E001", "EX-SA-2026-E002");
        SelfAssessmentSubmission json = submissions.stream()
                .filter(s -> s.getSubmissionId().equals("EX-SA-2026-E001")).findFirst().orElseThrow();
        assertThat(json.getAnswers()).containsExactly(
                new AssessmentAnswer("STR-L1-01", Grade.FULL, "plan approved by the board, 2025-11"),
                new AssessmentAnswer("STR-L1-02", Grade.LARGELY, "owner named; budget partly allocated"));
    }

    @Test
    void exampleFilesReadBackWithConfluentsPythonClient() throws Exception {
        assertThat(CliRun.against(stack, "ingest", "enterprises", "examples/enterprises.csv").exitCode()).isZero();
        assertThat(CliRun.against(stack, "ingest", "telemetry", "examples/telemetry.csv").exitCode()).isZero();

        Map<String, JsonNode> enterprises = byEventId(Topic.REF_ENTERPRISE.name(), "enterpriseId", "EX-E00");
        Map<String, JsonNode> telemetry = byEventId(Topic.FACTORY_EQUIPMENT_TELEMETRY.name(), "equipmentId", "EX-E001-BR1");

        // re-ingesting a file repeats its event ids, so each example row is one distinct event
        assertThat(enterprises.values()).extracting(e -> e.get("enterpriseId").asText() + "|" + e.get("sector").asText()
                        + "|" + e.get("manufacturingType").asText() + "|" + e.get("uscc").asText())
                .containsExactlyInAnyOrder("EX-E001|C276|PROCESS|91310115MA1K3Y7Q2X",
                        "EX-E002|C358|DISCRETE|91310117MA1H9T4B6N");
        // 2026-03-01T08:00:00Z is 1772352000000 ms since the epoch; the next readings follow at 60 000 ms steps
        assertThat(telemetry.values()).extracting(t -> t.get("eventTime").asLong() + "|" + t.get("value").asDouble()
                        + "|" + t.get("quality").asText())
                .containsExactlyInAnyOrder("1772352000000|41.5|GOOD", "1772352060000|40.25|GOOD",
                        "1772352120000|39.75|UNCERTAIN");
    }

    private static Map<String, JsonNode> byEventId(String topic, String idField, String idPrefix) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> values = new HashMap<>();
        for (String line : ConfluentPythonConsumer.read(stack, topic, probe.endOffsetSum(topic))) {
            JsonNode value = json.readTree(line).get("value");
            if (value.get(idField).asText().startsWith(idPrefix)) {
                values.put(value.get("eventId").asText(), value);
            }
        }
        return values;
    }

    @Test
    void strictModeSendsNothingOfAFileWithABadRow() {
        long before = probe.endOffsetSum(Topic.FACTORY_EQUIPMENT_TELEMETRY.name());

        CliRun run = CliRun.against(stack, "ingest", "telemetry", "src/test/resources/ingest/bad-telemetry.csv");

        assertThat(run.exitCode()).isEqualTo(IngestCommand.REFUSED);
        // lines 2 and 10 are good, but the file is refused whole
        assertThat(probe.endOffsetSum(Topic.FACTORY_EQUIPMENT_TELEMETRY.name())).isEqualTo(before);
    }

    @Test
    void nonStrictModeSendsTheGoodRowsAndWritesTheBadOnes(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("telemetry.csv");
        Files.copy(Path.of("src/test/resources/ingest/bad-telemetry.csv"), input);
        long before = probe.endOffsetSum(Topic.FACTORY_EQUIPMENT_TELEMETRY.name());

        CliRun run = CliRun.against(stack, "ingest", "telemetry", "--no-strict", input.toString());

        assertThat(run.exitCode()).isZero();
        // the good lines 2 and 10
        assertThat(probe.endOffsetSum(Topic.FACTORY_EQUIPMENT_TELEMETRY.name())).isEqualTo(before + 2);
        List<String> rejects = Files.readAllLines(dir.resolve("telemetry.rejects.csv"));
        // the header and the bad lines 3 to 9
        assertThat(rejects).hasSize(1 + 7);
        assertThat(rejects.get(0)).startsWith("eventTime,enterpriseId");
        assertThat(Files.readAllLines(dir.resolve("telemetry.rejects.csv.reasons.txt")))
                .contains(input + ":4: value: 'abc' is not a number");
    }
}
