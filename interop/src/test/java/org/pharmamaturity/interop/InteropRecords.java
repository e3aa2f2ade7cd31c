package org.pharmamaturity.interop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pharmamaturity.schemas.avro.AssessmentAnswer;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.schemas.avro.TelemetryQuality;

/**
 * Builders for the records that cross between the project and the external clients. The defaults exercise what
 * differs between Avro implementations: non-ASCII text, negative and fractional doubles, millisecond timestamps,
 * enums, nullable unions in both branches, arrays of nested records.
 */
final class InteropRecords {

    private InteropRecords() {
    }

    static TelemetryBuilder aTelemetry() {
        return new TelemetryBuilder();
    }

    static AssessmentBuilder anAssessment() {
        return new AssessmentBuilder();
    }

    /** An {@link EquipmentTelemetry} reading of a freeze dryer's shelf temperature. */
    static final class TelemetryBuilder {
        private String eventId = "evt-tt101-0001";
        private Instant eventTime = Instant.parse("2026-03-01T08:15:30.123Z");
        private String equipmentId = "EQ-LYO-01";
        private String tag = "TT-101.PV";
        private double value = -42.75;
        private String unit = "Cel";
        private TelemetryQuality quality = TelemetryQuality.GOOD;

        TelemetryBuilder eventId(String newEventId) {
            this.eventId = newEventId;
            return this;
        }

        TelemetryBuilder at(String isoInstant) {
            this.eventTime = Instant.parse(isoInstant);
            return this;
        }

        TelemetryBuilder tag(String newTag, double newValue, String newUnit) {
            this.tag = newTag;
            this.value = newValue;
            this.unit = newUnit;
            return this;
        }

        TelemetryBuilder quality(TelemetryQuality newQuality) {
            this.quality = newQuality;
            return this;
        }

        EquipmentTelemetry build() {
            return EquipmentTelemetry.newBuilder()
                    .setEventId(eventId)
                    .setEventTime(eventTime)
                    .setEnterpriseId("ENT-310115-001")
                    .setSiteId("上海张江-制剂一车间")
                    .setEquipmentId(equipmentId)
                    .setTag(tag)
                    .setValue(value)
                    .setUnit(unit)
                    .setQuality(quality)
                    .build();
        }
    }

    /** A {@link SelfAssessmentSubmission}; without {@code answer(..)} calls it has no answers. */
    static final class AssessmentBuilder {
        private String submissionId = "SUB-2026-Q1";
        private final List<AssessmentAnswer> answers = new ArrayList<>();

        AssessmentBuilder submissionId(String newSubmissionId) {
            this.submissionId = newSubmissionId;
            return this;
        }

        AssessmentBuilder answer(String requirementId, Grade grade, String evidence) {
            answers.add(AssessmentAnswer.newBuilder().setRequirementId(requirementId).setGrade(grade)
                    .setEvidence(evidence).build());
            return this;
        }

        SelfAssessmentSubmission build() {
            return SelfAssessmentSubmission.newBuilder()
                    .setEventId("evt-" + submissionId)
                    .setEventTime(Instant.parse("2026-03-31T16:00:00.001Z"))
                    .setEnterpriseId("ENT-310115-001")
                    .setSubmissionId(submissionId)
                    .setModelVersion("cmmm-2020-reference-1")
                    .setSubmittedAt(Instant.parse("2026-03-31T15:59:59.999Z"))
                    .setAnswers(List.copyOf(answers))
                    .build();
        }
    }
}
