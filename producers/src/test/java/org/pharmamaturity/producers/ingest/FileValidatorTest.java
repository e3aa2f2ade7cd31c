package org.pharmamaturity.producers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.schemas.avro.AssessmentAnswer;
import org.pharmamaturity.schemas.avro.DeclaredScenario;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.ScenarioStatus;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.schemas.avro.Title;
import org.pharmamaturity.schemas.avro.TitleAward;

/** Every kind of bad row is reported with its line and field; the example files are clean. */
class FileValidatorTest {

    static final Path EXAMPLES = Path.of("examples");
    static final Path BAD = Path.of("src/test/resources/ingest");
    static final Instant INGEST_TIME = Instant.parse("2026-06-01T00:00:00Z");

    private final FileValidator validator = new FileValidator(ModelRegistry.builtIn(),
            ColumnMapping.NONE, INGEST_TIME);

    @Test
    void exampleFilesAreCleanAndGiveOneRecordPerRowOrSubmission() {
        assertThat(validator.validate(EXAMPLES.resolve("enterprises.csv"), IngestKind.enterprises).records()).hasSize(2);
        assertThat(validator.validate(EXAMPLES.resolve("equipment.csv"), IngestKind.equipment).records()).hasSize(3);
        assertThat(validator.validate(EXAMPLES.resolve("telemetry.csv"), IngestKind.telemetry).records()).hasSize(3);
        assertThat(validator.validate(EXAMPLES.resolve("states.jsonl"), IngestKind.states).records()).hasSize(3);
        assertThat(validator.validate(EXAMPLES.resolve("assessment.json"), IngestKind.assessments).records()).hasSize(1);
        // three rows of one submissionId make one submission
        Validation csv = validator.validate(EXAMPLES.resolve("assessment.csv"), IngestKind.assessments);
        assertThat(csv.problems()).isEmpty();
        assertThat(csv.records()).hasSize(1);
        SelfAssessmentSubmission submission = (SelfAssessmentSubmission) csv.records().get(0).value();
        assertThat(submission.getSubmissionId()).isEqualTo("EX-SA-2026-E002");
        assertThat(submission.getEnterpriseId()).isEqualTo("EX-E002");
        assertThat(submission.getSubmittedAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(submission.getAnswers()).containsExactly(
                new AssessmentAnswer("STR-L1-01", Grade.FULL, "plan approved, 2025-12"),
                new AssessmentAnswer("STR-L1-02", Grade.PARTLY, null),
                new AssessmentAnswer("STR-L2-01", Grade.NONE, null));
    }

    @Test
    void scenarioDeclarationsReadFromJsonAndFromOneCsvRowPerScenario() {
        Validation json = validator.validate(EXAMPLES.resolve("scenarios.json"), IngestKind.scenarios);
        assertThat(json.problems()).isEmpty();
        ScenarioDeclaration first = (ScenarioDeclaration) json.records().get(0).value();
        assertThat(json.records().get(0).key()).isEqualTo("EX-E001");
        assertThat(first.getScenarios()).extracting(DeclaredScenario::getScenarioId, DeclaredScenario::getStatus,
                DeclaredScenario::getAiEnabled).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("production-operations.equipment-monitoring", ScenarioStatus.DEPLOYED, false),
                        org.assertj.core.groups.Tuple.tuple("production-operations.equipment-fault-prediction", ScenarioStatus.PILOT, true));

        // three rows of one submissionId make one declaration of three scenarios
        Validation csv = validator.validate(EXAMPLES.resolve("scenarios.csv"), IngestKind.scenarios);
        assertThat(csv.problems()).isEmpty();
        ScenarioDeclaration declaration = (ScenarioDeclaration) csv.records().get(0).value();
        assertThat(csv.records()).hasSize(1);
        assertThat(declaration.getEventTime()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(declaration.getScenarios()).hasSize(3);
        assertThat(declaration.getScenarios().get(2).getSince()).isNull();
        assertThat(declaration.getScenarios().get(1).getAiEnabled()).isTrue();
    }

    @Test
    void aBadScenarioDeclarationIsRefusedWholeWithEveryProblemOnItsLine() {
        Path file = BAD.resolve("bad-scenarios.csv");
        Validation validation = validator.validate(file, IngestKind.scenarios);

        assertThat(validation.problems()).extracting(RowProblem::toString).containsExactly(
                file + ":3: status: 'LIVE' is not a status; use PLANNED, PILOT, DEPLOYED",
                file + ":3: aiEnabled: expected true or false, not \"maybe\"",
                file + ":3: since: '2024-13-01' is not a date such as 2024-06-01",
                file + ":3: scenarioId: 'production-operations.equipment-monitoring' is already declared at scenarios[0]",
                file + ":5: enterpriseId: 'EX-E003' differs from 'EX-E002' on line 4 of the same submissionId",
                file + ":5: catalogueVersion: (empty) differs from 'scenarios-2025' on line 4 of the same submissionId");
        // SD-1 (lines 2-3) and SD-2 (lines 4-5) are refused whole; SD-3 is good
        assertThat(validation.rejectedRows()).extracting(SourceRow::line).containsExactly(2, 3, 4, 5);
        assertThat(validation.records()).extracting(ParsedRecord::key).containsExactly("EX-E004");
    }

    @Test
    void badTelemetryRowsAreReportedWithLineFieldAndReason() {
        Validation validation = validator.validate(BAD.resolve("bad-telemetry.csv"), IngestKind.telemetry);

        Path file = BAD.resolve("bad-telemetry.csv");
        assertThat(validation.problems()).extracting(RowProblem::toString).containsExactly(
                file + ":3: equipmentId: missing",
                file + ":4: value: 'abc' is not a number",
                file + ":5: quality: 'PERFECT' is not one of [GOOD, UNCERTAIN, BAD]",
                file + ":6: eventTime: 'yesterday' is not an ISO-8601 instant such as 2026-03-01T08:00:00Z",
                file + ":7: eventTime: '2099-01-01T00:00:00Z' is in the future (now 2026-06-01T00:00:00Z); check the source clock",
                // eventTime, enterpriseId, siteId, equipmentId, tag, value: 6 of the 8 columns
                file + ":8: row: 6 columns where the header has 8",
                file + ":9: row: a quoted value is not closed");
        // lines 2 and 10 are good
        assertThat(validation.records()).hasSize(2);
        assertThat(validation.rejectedRows()).extracting(SourceRow::line).containsExactly(3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void badAssessmentRowsRefuseTheirWholeSubmission() {
        Path file = BAD.resolve("bad-assessment.csv");
        Validation validation = validator.validate(file, IngestKind.assessments);

        assertThat(validation.problems()).extracting(RowProblem::toString).containsExactly(
                file + ":2: submissionId: 'EX-SA-1' is refused whole because line 3 is bad",
                file + ":3: requirementId: 'STR-L9-99' is not a requirement of model cmmm-2020-reference",
                file + ":4: grade: 'MOSTLY' is not one of [FULL, LARGELY, PARTLY, NONE, NOT_APPLICABLE]",
                file + ":5: requirementId: 'STR-L1-01' is already answered at line 2",
                file + ":6: submissionId: 'EX-SA-2' is refused whole because line 7 is bad",
                file + ":7: enterpriseId: 'EX-E104' differs from 'EX-E103' on line 6 of submission EX-SA-2",
                file + ":8: modelVersion: 'cmmm-2099' is not a model in force: cmmm-2020-reference, cmmm-process-v1, "
                        + "cmmm-discrete-v1");
        // only EX-SA-4 (line 9) is whole and good
        assertThat(validation.records()).extracting(r -> ((SelfAssessmentSubmission) r.value()).getSubmissionId())
                .containsExactly("EX-SA-4");
        assertThat(validation.rejectedRows()).extracting(SourceRow::line).containsExactly(2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void badJsonLinesAreReported() {
        Path file = BAD.resolve("bad-states.jsonl");
        Validation validation = validator.validate(file, IngestKind.states);

        assertThat(validation.problems()).extracting(RowProblem::line).containsExactly(2, 3, 4);
        assertThat(validation.problems().get(0).reason()).startsWith("not valid JSON");
        assertThat(validation.problems().get(1).toString()).isEqualTo(file + ":3: row: not a JSON object");
        assertThat(validation.problems().get(2).toString()).isEqualTo(file
                + ":4: state: 'DANCING' is not one of [RUNNING, IDLE, PLANNED_STOP, UNPLANNED_STOP, CHANGEOVER, CLEANING, MAINTENANCE, UNKNOWN]");
        assertThat(validation.records()).hasSize(1);
    }

    @Test
    void titlesAreKeyedByEnterpriseTitleAndScenario() {
        Validation titles = validator.validate(EXAMPLES.resolve("titles.csv"), IngestKind.titles);
        assertThat(titles.problems()).isEmpty();
        assertThat(titles.records()).extracting(ParsedRecord::key).containsExactly("EX-E001|PIONEER_ENTERPRISE",
                "EX-E001|TYPICAL_SCENARIO|production-operations.equipment-monitoring", "EX-E002|SMART_FACTORY_BASIC");
        TitleAward scenario = (TitleAward) titles.records().get(1).value();
        assertThat(scenario.getTitle()).isEqualTo(Title.TYPICAL_SCENARIO);
        assertThat(scenario.getAwardingBody()).isEqualTo("上海市经济和信息化委员会");
        assertThat(scenario.getYear()).isEqualTo(2025);
        assertThat(scenario.getExpiresOn()).isEqualTo(java.time.LocalDate.parse("2028-12-31"));
        assertThat(((TitleAward) titles.records().get(0).value()).getExpiresOn()).isNull();
    }

    @Test
    void badTitleRowsAreReported() {
        Path titles = BAD.resolve("bad-titles.csv");
        assertThat(validator.validate(titles, IngestKind.titles).problems()).extracting(RowProblem::toString)
                .containsExactly(
                        titles + ":2: scenarioId: a TYPICAL_SCENARIO award needs the scenarioId of its scenario",
                        titles + ":3: year: 1999 is not a year from 2015 to 2100",
                        titles + ":4: title: 'PIONEER' is not one of [SMART_FACTORY_BASIC, SMART_FACTORY_ADVANCED, "
                                + "SMART_FACTORY_EXCELLENT, SMART_FACTORY_LEADING, BENCHMARK_SMART_FACTORY, "
                                + "PIONEER_ENTERPRISE, TYPICAL_SCENARIO, UNKNOWN]",
                        titles + ":4: expiresOn: '31.12.2027' is not an ISO-8601 date such as 2027-12-31");
    }

    @Test
    void badReferenceRowsAreReported() {
        Path enterprises = BAD.resolve("bad-enterprises.csv");
        assertThat(validator.validate(enterprises, IngestKind.enterprises).problems()).extracting(RowProblem::toString)
                .containsExactly(
                        enterprises + ":2: uscc: '12345' is not an 18-character unified social credit code",
                        enterprises + ":3: sector: 'C999' is not a GB/T 4754 pharma code [C271, C272, C273, C274, C275, C276, C277, C278, C358]",
                        enterprises + ":4: manufacturingType: 'MIXED' is not one of [PROCESS, DISCRETE]");
        Path equipment = BAD.resolve("bad-equipment.csv");
        assertThat(validator.validate(equipment, IngestKind.equipment).problems()).extracting(RowProblem::toString)
                .containsExactly(
                        equipment + ":2: keyProcess: 'yes' is not true or false",
                        equipment + ":3: equipmentClass: 'SPACESHIP' is not one of [REACTOR, BIOREACTOR, TABLET_PRESS, "
                                + "FILLER, LYOPHILISER, PACKAGING, HVAC, COLD_ROOM, UTILITY, LAB_INSTRUMENT, OTHER]");
    }

    @Test
    void badJsonAssessmentNamesTheAnswer() {
        Validation validation = validator.validate(BAD.resolve("bad-assessment.json"), IngestKind.assessments);

        assertThat(validation.records()).isEmpty();
        assertThat(validation.problems()).hasSize(1);
        assertThat(validation.problems().get(0).field()).isEqualTo("answers[1].grade");
    }

    @Test
    void columnMappingReadsAFieldFromAnotherHeading(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plc-export.csv");
        Files.writeString(file, "time,company,site,machine,tag,reading\n"
                + "2026-03-01T08:00:00Z,EX-E113,EX-E113-S1,EX-E113-EQ1,speed,250\n");
        FileValidator mapped = new FileValidator(ModelRegistry.builtIn(), ColumnMapping.of(Map.of(
                "eventTime", "time", "enterpriseId", "company", "siteId", "site", "equipmentId", "machine",
                "value", "reading")), INGEST_TIME);

        List<ParsedRecord<?>> records = mapped.validate(file, IngestKind.telemetry).records();

        assertThat(records).hasSize(1);
        EquipmentTelemetry telemetry = (EquipmentTelemetry) records.get(0).value();
        assertThat(telemetry.getEquipmentId()).isEqualTo("EX-E113-EQ1");
        assertThat(telemetry.getValue()).isEqualTo(250.0);
        assertThat(records.get(0).key()).isEqualTo("EX-E113-EQ1");
    }
}
