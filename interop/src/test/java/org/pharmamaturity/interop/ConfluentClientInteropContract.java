package org.pharmamaturity.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.schemas.avro.TelemetryQuality;
import org.pharmamaturity.testing.EmbeddedStack;

/**
 * Records cross between the project's serde and an external Confluent client in both directions, through the
 * embedded broker and a real registry, and arrive with every field intact. Each client gets a subclass.
 */
@Tag("integration")
abstract class ConfluentClientInteropContract {

    @TempDir
    Path temp;

    private EmbeddedStack stack;
    private ProjectSerde project;

    /** The client under test. */
    abstract ExternalClient client();

    /** Checks the client first, so a missing one is reported without starting the broker and registry. */
    @BeforeEach
    void requireClientThenStack() {
        client().requireInstalled();
        stack = EmbeddedStack.shared();
        project = new ProjectSerde(stack.bootstrapServers(), stack.registryUrl());
    }

    @Test
    void telemetryWrittenByTheProjectIsReadByTheClient() throws Exception {
        List<EquipmentTelemetry> written = List.of(
                InteropRecords.aTelemetry().build(),
                InteropRecords.aTelemetry().eventId("evt-pt205-0002").at("2026-03-01T08:15:31.000Z")
                        .tag("PT-205.PV", 12345.678, null).quality(TelemetryQuality.UNCERTAIN).build());
        String topic = topic("telemetry-from-project");
        project.createTopic(topic);

        project.write(topic, List.of("EQ-LYO-01", "EQ-LYO-01"), written);
        List<JsonNode> read = client().consume(stack.bootstrapServers(), stack.registryUrl(), topic, 2).stream()
                .map(RecordJson::parse).toList();

        assertThat(read).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(read.get(i).get("offset").asLong()).isEqualTo(i);
            assertThat(read.get(i).get("key").asText()).isEqualTo("EQ-LYO-01");
            RecordJson.assertMatches(read.get(i).get("value"), written.get(i));
        }
    }

    @Test
    void assessmentWrittenByTheProjectIsReadByTheClient() throws Exception {
        List<SelfAssessmentSubmission> written = List.of(threeAnswers(), InteropRecords.anAssessment().submissionId("SUB-EMPTY").build());
        String topic = topic("assessment-from-project");
        project.createTopic(topic);

        project.write(topic, List.of("ENT-310115-001", "ENT-310115-001"), written);
        List<JsonNode> read = client().consume(stack.bootstrapServers(), stack.registryUrl(), topic, 2).stream()
                .map(RecordJson::parse).toList();

        assertThat(read).hasSize(2);
        RecordJson.assertMatches(read.get(0).get("value"), written.get(0));
        RecordJson.assertMatches(read.get(1).get("value"), written.get(1));
        assertThat(read.get(0).at("/value/answers/2/grade").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(read.get(1).at("/value/answers").size()).isZero();
    }

    @Test
    void telemetryWrittenByTheClientIsReadByTheProjectIntoTheGeneratedClass() throws Exception {
        EquipmentTelemetry first = InteropRecords.aTelemetry().build();
        EquipmentTelemetry second = InteropRecords.aTelemetry().eventId("evt-xt900-0003").at("1970-01-01T00:00:00Z")
                .tag("XT-900.PV", 0.1, null).quality(TelemetryQuality.BAD).build();
        String topic = topic("telemetry-from-client");
        project.createTopic(topic);

        writeWithClient(topic, Topic.FACTORY_EQUIPMENT_TELEMETRY.valueSchema(), List.of(first, second));
        List<Object> read = project.read(topic, 2);

        assertThat(read).hasSize(2).allMatch(EquipmentTelemetry.class::isInstance);
        EquipmentTelemetry a = (EquipmentTelemetry) read.get(0);
        assertThat(a.getEventId()).isEqualTo("evt-tt101-0001");
        assertThat(a.getEventTime()).isEqualTo("2026-03-01T08:15:30.123Z");
        assertThat(a.getEnterpriseId()).isEqualTo("ENT-310115-001");
        assertThat(a.getSiteId()).isEqualTo("上海张江-制剂一车间");
        assertThat(a.getEquipmentId()).isEqualTo("EQ-LYO-01");
        assertThat(a.getTag()).isEqualTo("TT-101.PV");
        assertThat(a.getValue()).isEqualTo(-42.75);
        assertThat(a.getUnit()).isEqualTo("Cel");
        assertThat(a.getQuality()).isEqualTo(TelemetryQuality.GOOD);
        EquipmentTelemetry b = (EquipmentTelemetry) read.get(1);
        assertThat(b.getEventId()).isEqualTo("evt-xt900-0003");
        assertThat(b.getEventTime().toEpochMilli()).isZero();
        assertThat(b.getTag()).isEqualTo("XT-900.PV");
        assertThat(b.getValue()).isEqualTo(0.1);
        assertThat(b.getUnit()).isNull();
        assertThat(b.getQuality()).isEqualTo(TelemetryQuality.BAD);
        assertAllFieldsEqual(b, second);
    }

    @Test
    void assessmentWrittenByTheClientIsReadByTheProjectIntoTheGeneratedClass() throws Exception {
        SelfAssessmentSubmission written = threeAnswers();
        String topic = topic("assessment-from-client");
        project.createTopic(topic);

        writeWithClient(topic, Topic.ASSESSMENT_SELF_SUBMITTED.valueSchema(), List.of(written));
        List<Object> read = project.read(topic, 1);

        assertThat(read).hasSize(1).allMatch(SelfAssessmentSubmission.class::isInstance);
        SelfAssessmentSubmission submission = (SelfAssessmentSubmission) read.get(0);
        assertThat(submission.getSubmissionId()).isEqualTo("SUB-2026-Q1");
        assertThat(submission.getModelVersion()).isEqualTo("cmmm-2020-reference-1");
        assertThat(submission.getEventTime()).isEqualTo("2026-03-31T16:00:00.001Z");
        assertThat(submission.getSubmittedAt()).isEqualTo("2026-03-31T15:59:59.999Z");
        assertThat(submission.getAnswers()).hasSize(3);
        assertThat(submission.getAnswers().get(0).getRequirementId()).isEqualTo("PLAN-2.1");
        assertThat(submission.getAnswers().get(0).getGrade()).isEqualTo(Grade.FULL);
        assertThat(submission.getAnswers().get(0).getEvidence()).isEqualTo("MES 电子批记录导出 2026-03");
        assertThat(submission.getAnswers().get(1).getGrade()).isEqualTo(Grade.PARTLY);
        assertThat(submission.getAnswers().get(1).getEvidence()).isNull();
        assertThat(submission.getAnswers().get(2).getGrade()).isEqualTo(Grade.NOT_APPLICABLE);
        assertAllFieldsEqual(submission, written);
    }

    private static SelfAssessmentSubmission threeAnswers() {
        return InteropRecords.anAssessment()
                .answer("PLAN-2.1", Grade.FULL, "MES 电子批记录导出 2026-03")
                .answer("PROD-3.2", Grade.PARTLY, null)
                .answer("LOG-4.1", Grade.NOT_APPLICABLE, "no cold-chain products")
                .build();
    }

    private void writeWithClient(String topic, Schema schema, List<? extends SpecificRecord> records) throws IOException {
        Path schemaFile = Files.writeString(temp.resolve(topic + ".avsc"), schema.toString());
        List<String> keys = records.stream().map(r -> "key-" + r.get(0)).toList();
        Path recordsFile = Files.writeString(temp.resolve(topic + ".json"), RecordJson.keyedArray(keys, records));
        client().produce(stack.bootstrapServers(), stack.registryUrl(), topic, schemaFile, recordsFile);
    }

    /** Every schema field, one assertion each, so a difference names the field. */
    private static void assertAllFieldsEqual(SpecificRecord actual, SpecificRecord expected) {
        for (Schema.Field field : expected.getSchema().getFields()) {
            assertThat(actual.get(field.pos())).as(field.name()).isEqualTo(expected.get(field.pos()));
        }
    }

    private String topic(String purpose) {
        return "interop." + client().name() + "." + purpose;
    }
}
