package org.pharmamaturity.streams.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.AssessmentAnswer;
import org.pharmamaturity.schemas.avro.BatchState;
import org.pharmamaturity.schemas.avro.BatchStatus;
import org.pharmamaturity.schemas.avro.ColdChainContext;
import org.pharmamaturity.schemas.avro.ColdChainReading;
import org.pharmamaturity.schemas.avro.EnergyCarrier;
import org.pharmamaturity.schemas.avro.EnergyReading;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.EquipmentClass;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.ManufacturingType;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.schemas.avro.QualityEvent;
import org.pharmamaturity.schemas.avro.QualityEventType;
import org.pharmamaturity.schemas.avro.QualitySeverity;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.schemas.avro.TelemetryQuality;
import org.pharmamaturity.schemas.avro.Title;
import org.pharmamaturity.schemas.avro.TitleAward;

/**
 * Test records with readable defaults: every event gets a fresh eventId and site "S1"; times are given as
 * ISO instants; temperatures use the 2-8 °C label.
 */
public final class TestRecords {

    /** The site every test event names. */
    public static final String SITE = "S1";

    private TestRecords() {
    }

    /** An instant from its ISO text. */
    public static Instant at(String iso) {
        return Instant.parse(iso);
    }

    /** A fresh eventId. */
    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /** A process manufacturer of the sector. */
    public static Enterprise enterprise(String enterpriseId, String sector) {
        return new Enterprise(newEventId(), at("2025-01-01T00:00:00Z"), enterpriseId, "Enterprise " + enterpriseId,
                "91310000" + enterpriseId, sector, "Pudong", ManufacturingType.PROCESS);
    }

    /** A tablet press of the enterprise, digital and networked on paper. */
    public static Equipment equipment(String equipmentId, String enterpriseId) {
        return new Equipment(newEventId(), at("2025-01-01T00:00:00Z"), enterpriseId, SITE, equipmentId, "L1",
                EquipmentClass.TABLET_PRESS, true, true, true);
    }

    /** The equipment entered {@code state} at {@code time}. */
    public static EquipmentStateChange state(String equipmentId, String enterpriseId, String time, EquipmentState state) {
        return new EquipmentStateChange(newEventId(), at(time), enterpriseId, SITE, equipmentId, state, null);
    }

    /** Units produced up to {@code time}. */
    public static ProductionCount count(String equipmentId, String enterpriseId, String time, long good, long reject,
            double idealCycleTimeMs) {
        return new ProductionCount(newEventId(), at(time), enterpriseId, SITE, equipmentId, "B-" + equipmentId, good,
                reject, idealCycleTimeMs);
    }

    /** A reading of the equipment. */
    public static EquipmentTelemetry telemetry(String equipmentId, String enterpriseId, String time) {
        return new EquipmentTelemetry(newEventId(), at(time), enterpriseId, SITE, equipmentId, "TT-101.PV", 21.5,
                "Cel", TelemetryQuality.GOOD);
    }

    /** A batch reached {@code status}; {@code share} of its record is electronic (null: unknown). */
    public static BatchStatus batch(String batchId, String enterpriseId, String time, BatchState status, Double share) {
        return new BatchStatus(newEventId(), at(time), enterpriseId, SITE, batchId, "P-100", status, share, false);
    }

    /** A deviation opened at {@code time} against {@code batchId} (null: no batch). */
    public static QualityEvent deviation(String qualityEventId, String enterpriseId, String time,
            QualitySeverity severity, String batchId) {
        return quality(qualityEventId, enterpriseId, time, QualityEventType.DEVIATION, severity, batchId);
    }

    /** A quality record of any type opened at {@code time}. */
    public static QualityEvent quality(String qualityEventId, String enterpriseId, String time, QualityEventType type,
            QualitySeverity severity, String batchId) {
        return new QualityEvent(newEventId(), at(time), enterpriseId, SITE, qualityEventId, type, severity, batchId,
                at(time), null);
    }

    /** An electricity reading in kWh. */
    public static EnergyReading electricity(String meterId, String enterpriseId, String time, double kwh) {
        return new EnergyReading(newEventId(), at(time), enterpriseId, SITE, meterId, null, EnergyCarrier.ELECTRICITY,
                kwh, "kWh", null);
    }

    /** A transport logger reading of the shipment, label 2-8 °C. */
    public static ColdChainReading transport(String shipmentId, String enterpriseId, String time, double temperatureC) {
        return new ColdChainReading(newEventId(), at(time), enterpriseId, null, "LOGGER-" + shipmentId, shipmentId,
                null, ColdChainContext.TRANSPORT, temperatureC, 2.0, 8.0, null);
    }

    /** A self-assessment answering the requirements with the grades. */
    public static SelfAssessmentSubmission assessment(String enterpriseId, String submissionId, String submittedAt,
            Map<String, Grade> grades) {
        List<AssessmentAnswer> answers = new ArrayList<>();
        grades.forEach((requirementId, grade) -> answers.add(new AssessmentAnswer(requirementId, grade, null)));
        return new SelfAssessmentSubmission(newEventId(), at(submittedAt), enterpriseId, submissionId,
                "cmmm-2020-reference", at(submittedAt), answers);
    }

    /** An award of {@code title} by the municipal commission in 2025; {@code scenarioId} for a typical scenario. */
    public static TitleAward title(String enterpriseId, Title title, String scenarioId, LocalDate expiresOn) {
        return new TitleAward(newEventId(), at("2025-01-01T00:00:00Z"), enterpriseId, title, scenarioId,
                "上海市经济和信息化委员会", 2025, expiresOn);
    }

    /** The ref.title key of the award. */
    public static String titleKey(TitleAward award) {
        return Topic.titleKey(award.getEnterpriseId(), award.getTitle().name(), award.getScenarioId());
    }
}
