package org.pharmamaturity.streams.testing;

import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.at;
import static org.pharmamaturity.streams.testing.TestRecords.batch;
import static org.pharmamaturity.streams.testing.TestRecords.deviation;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.equipment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.BatchState;
import org.pharmamaturity.schemas.avro.DeclaredScenario;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.ManufacturingType;
import org.pharmamaturity.schemas.avro.QualitySeverity;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.ScenarioStatus;

/**
 * Two plants of one sector, one of each manufacturing type, with everything the tiers look at: the topology test
 * and the end-to-end test feed the same records and expect the same hand-computed verdicts.
 *
 * <ul>
 * <li>{@code P} (PROCESS, scored with cmmm-process-v1): key-process equipment P-EQ1, P-EQ2, both under digital
 * control; batches P-B1 and P-B2 released without deviation (rightFirstTime 2 / 2 = 1); every requirement of
 * levels 1 and 2 FULL. Declares 在线智能检测 (DEPLOYED, AI), 先进过程控制 (DEPLOYED), 生产进度跟踪 (DEPLOYED),
 * 智能经营决策 (PILOT, AI).</li>
 * <li>{@code D} (DISCRETE, scored with cmmm-discrete-v1): key-process equipment D-EQ1, D-EQ2 under digital
 * control; batches D-B1 and D-B2 released, D-B2 after a deviation (rightFirstTime 1 / 2 = 0.5); levels 1 and 2
 * FULL. Declares 质量分析与改进 (DEPLOYED, AI), 先进过程控制 (DEPLOYED), 产品数字化设计 (DEPLOYED, AI).</li>
 * </ul>
 * All events fall between 08:00 and 11:00 of 2025-03-01, so the networking rates have a coverage of at most
 * 3 / 24 and no rule or scenario judges them; no plant reports production counts or energy, so neither has an OEE
 * or an energy per unit.
 */
public final class TwoPlants {

    /** One input record. */
    public record Input(Topic<? extends SpecificRecord> topic, String key, SpecificRecord value) {
    }

    public static final String INSPECTION = "production-operations.online-intelligent-inspection";
    public static final String QUALITY_ANALYSIS = "production-operations.quality-analysis-improvement";
    public static final String APC = "production-operations.advanced-process-control";
    public static final String PROGRESS_TRACKING = "production-management.production-progress-tracking";
    public static final String BUSINESS_DECISIONS = "operations-management.intelligent-business-decisions";
    public static final String PRODUCT_DESIGN = "product-rnd.digital-product-design";

    private TwoPlants() {
    }

    /** The records of both plants in sector {@code sector}, ids prefixed by {@code prefix}, in the order to send. */
    public static List<Input> inputs(String prefix, String sector) {
        String p = prefix + "P";
        String d = prefix + "D";
        List<Input> inputs = new ArrayList<>();
        inputs.add(new Input(Topic.REF_ENTERPRISE, p, enterprise(p, sector)));
        Enterprise discrete = enterprise(d, sector);
        discrete.setManufacturingType(ManufacturingType.DISCRETE);
        inputs.add(new Input(Topic.REF_ENTERPRISE, d, discrete));
        for (String plant : List.of(p, d)) {
            for (String equipmentId : List.of(plant + "-EQ1", plant + "-EQ2")) {
                inputs.add(new Input(Topic.REF_EQUIPMENT, equipmentId, equipment(equipmentId, plant)));
            }
        }
        inputs.add(new Input(Topic.FACTORY_BATCH_STATUS, p + "-B1", batch(p + "-B1", p, "2025-03-01T08:00:00Z",
                BatchState.RELEASED, 1.0)));
        inputs.add(new Input(Topic.FACTORY_BATCH_STATUS, p + "-B2", batch(p + "-B2", p, "2025-03-01T09:00:00Z",
                BatchState.RELEASED, 1.0)));
        inputs.add(new Input(Topic.FACTORY_BATCH_STATUS, d + "-B1", batch(d + "-B1", d, "2025-03-01T08:00:00Z",
                BatchState.RELEASED, 1.0)));
        inputs.add(new Input(Topic.QUALITY_EVENT, d, deviation(d + "-DEV1", d, "2025-03-01T08:30:00Z",
                QualitySeverity.MINOR, d + "-B2")));
        inputs.add(new Input(Topic.FACTORY_BATCH_STATUS, d + "-B2", batch(d + "-B2", d, "2025-03-01T09:00:00Z",
                BatchState.RELEASED, 1.0)));
        inputs.add(new Input(Topic.ASSESSMENT_SELF_SUBMITTED, p, assessment(p, "A-" + p, "2025-03-01T10:00:00Z",
                Answers.fullUpTo(2))));
        inputs.add(new Input(Topic.ASSESSMENT_SELF_SUBMITTED, d, assessment(d, "A-" + d, "2025-03-01T10:00:00Z",
                Answers.fullUpTo(2))));
        inputs.add(new Input(Topic.ASSESSMENT_SCENARIOS_DECLARED, p, declaration(p,
                scenario(INSPECTION, ScenarioStatus.DEPLOYED, true),
                scenario(APC, ScenarioStatus.DEPLOYED, false),
                scenario(PROGRESS_TRACKING, ScenarioStatus.DEPLOYED, false),
                scenario(BUSINESS_DECISIONS, ScenarioStatus.PILOT, true))));
        inputs.add(new Input(Topic.ASSESSMENT_SCENARIOS_DECLARED, d, declaration(d,
                scenario(QUALITY_ANALYSIS, ScenarioStatus.DEPLOYED, true),
                scenario(APC, ScenarioStatus.DEPLOYED, false),
                scenario(PRODUCT_DESIGN, ScenarioStatus.DEPLOYED, true))));
        return inputs;
    }

    private static ScenarioDeclaration declaration(String enterpriseId, DeclaredScenario... scenarios) {
        return new ScenarioDeclaration(TestRecords.newEventId(), at("2025-03-01T11:00:00Z"), enterpriseId,
                "SD-" + enterpriseId, "scenarios-2025", List.of(scenarios));
    }

    private static DeclaredScenario scenario(String scenarioId, ScenarioStatus status, boolean ai) {
        return new DeclaredScenario(scenarioId, status, ai, LocalDate.of(2024, 6, 1), null);
    }
}
