package org.pharmamaturity.streams.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.schemas.avro.Contradiction;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.ManufacturingType;
import org.pharmamaturity.schemas.avro.MaturityView;
import org.pharmamaturity.schemas.avro.ScenarioAssessment;
import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;
import org.pharmamaturity.schemas.avro.ScenarioStatus;
import org.pharmamaturity.schemas.avro.SmartFactoryTiers;
import org.pharmamaturity.schemas.avro.TierReadiness;

/**
 * Two enterprises of the report tests, written out by hand.
 *
 * <p>E1 (a Chinese name with a quote and a comma, C272, 浦东新区, PROCESS): declared S = 3.5 (level 3), verified
 * S = 2.6 (level 2); eligible for basic only, advanced lacks two conditions; three scenarios (deployed and verified,
 * deployed and contradicted, pilot); one contradiction; KPIs oee 0.59375, networkingRate 0.75,
 * keyProcessDigitalControlRate 0.5.
 *
 * <p>E2 (a name that looks like a spreadsheet formula, C358, 闵行区, DISCRETE): declared S = 1.0 (level 1), verified
 * S = 0.5 (level 0), no tier, no scenario, no KPI.
 */
final class ReportFixtures {

    static final String E1_NAME = "上海\"华东\",制药有限公司";
    static final String E2_NAME = "=1+1 医疗器械";
    static final Instant E1_AS_OF = Instant.parse("2026-03-01T09:30:00Z");
    static final Instant E2_AS_OF = Instant.parse("2026-02-27T00:00:00Z");
    static final String ADVANCED_UNMET_1 = "links not covered: production-management, operations-management";
    static final String ADVANCED_UNMET_2 = "oee 0.59375 is below the sector's upper quartile 0.7";

    private ReportFixtures() {
    }

    /** The report rows of E1 and E2. */
    static List<JsonNode> rows() {
        return List.of(EnterpriseReport.row(e1(), Optional.of(enterprise("E1", E1_NAME, "C272", "浦东新区",
                ManufacturingType.PROCESS))), EnterpriseReport.row(e2(), Optional.of(enterprise("E2", E2_NAME, "C358",
                "闵行区", ManufacturingType.DISCRETE))));
    }

    static Enterprise enterprise(String id, String name, String sector, String district, ManufacturingType type) {
        return new Enterprise("ev-" + id, Instant.parse("2025-01-01T00:00:00Z"), id, name, "91310000" + id, sector,
                district, type);
    }

    static EnterpriseMaturity e1() {
        return maturity("E1", "C272", E1_AS_OF, new MaturityView(List.of(1.0, 1.0, 1.0, 0.5, 0.0), 3.5, 3, List.of()),
                new MaturityView(List.of(1.0, 1.0, 0.6, 0.0, 0.0), 2.6, 2, List.of()))
                .setTierReadiness(List.of(new TierReadiness("basic", true, List.of()),
                        new TierReadiness("advanced", false, List.of(ADVANCED_UNMET_1, ADVANCED_UNMET_2)),
                        new TierReadiness("excellent", false, List.of("verified level 2 < 3")),
                        new TierReadiness("leading", false, List.of("verified level 2 < 4"))))
                .setTiers(new SmartFactoryTiers(true, false, false, false))
                .setScenarios(List.of(
                        scenario("production-operations.equipment-monitoring", ScenarioStatus.DEPLOYED,
                                ScenarioEvidenceStatus.VERIFIED),
                        scenario("factory-construction.digital-infrastructure", ScenarioStatus.DEPLOYED,
                                ScenarioEvidenceStatus.CONTRADICTED),
                        scenario("production-management.intelligent-energy-management", ScenarioStatus.PILOT,
                                ScenarioEvidenceStatus.NOT_DEPLOYED)))
                .setContradictions(List.of(new Contradiction("NET-L3-01", "R-NET", "networkingRate", 0.75, 0.8,
                        Grade.FULL, Grade.PARTLY)))
                .setKpis(Map.of("oee", 0.59375, "networkingRate", 0.75, "keyProcessDigitalControlRate", 0.5,
                        "availability", 0.7))
                .build();
    }

    static EnterpriseMaturity e2() {
        return maturity("E2", "C358", E2_AS_OF, new MaturityView(List.of(1.0, 0.0, 0.0, 0.0, 0.0), 1.0, 1, List.of()),
                new MaturityView(List.of(0.5, 0.0, 0.0, 0.0, 0.0), 0.5, 0, List.of()))
                .setTierReadiness(List.of(new TierReadiness("basic", false, List.of("verified level 0 < 2")),
                        new TierReadiness("advanced", false, List.of("verified level 0 < 2")),
                        new TierReadiness("excellent", false, List.of("verified level 0 < 3")),
                        new TierReadiness("leading", false, List.of("verified level 0 < 4"))))
                .setTiers(new SmartFactoryTiers(false, false, false, false))
                .build();
    }

    private static EnterpriseMaturity.Builder maturity(String id, String sector, Instant asOf, MaturityView declared,
            MaturityView verified) {
        return EnterpriseMaturity.newBuilder().setEventId("M-" + id).setEventTime(asOf).setEnterpriseId(id)
                .setSector(sector).setAsOf(asOf).setModelVersion("cmmm-process-v1").setDeclared(declared)
                .setVerified(verified).setRequirements(List.of()).setContradictions(List.of()).setKpis(Map.of())
                .setEvidenceCoverage(0.5).setConfirmationRatio(0.25);
    }

    private static ScenarioAssessment scenario(String id, ScenarioStatus status, ScenarioEvidenceStatus evidence) {
        return ScenarioAssessment.newBuilder().setScenarioId(id).setStatus(status).setAiEnabled(false)
                .setEvidenceStatus(evidence).build();
    }
}
