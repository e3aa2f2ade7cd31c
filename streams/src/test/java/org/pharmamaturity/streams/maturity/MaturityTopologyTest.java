package org.pharmamaturity.streams.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.at;
import static org.pharmamaturity.streams.testing.TestRecords.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.schemas.avro.AlertKind;
import org.pharmamaturity.schemas.avro.Contradiction;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.EvidenceStatus;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.RequirementAssessment;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.Answers;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * Enterprise maturity with the reference model (equal placeholder weights: resources.equipment and
 * resources.network each weigh 1/4 x 1/2 = 1/8 of every level; all 20 sub-domains take part in level 2).
 *
 * <p>Assessment A1 of E1: every level-1 requirement FULL; at level 2, EQP-L2-01 and NET-L2-01 FULL and the other
 * 20 LARGELY; levels 3-5 unanswered (NONE). Declared: L1 = 1, L2 = 3/4 x 0.8 + 1/4 x 1 = 0.85, L3 = 0, so
 * m = 3 and S = 1 + 0.85 + 0 = 1.85, level 2 (>= 1.8).
 */
class MaturityTopologyTest {

    private static final Set<String> UNCAPPED_FULL = Set.of("EQP-L2-01", "NET-L2-01");

    private PipelineDriver driver;

    @BeforeEach
    void start() {
        driver = PipelineDriver.withPlant("E1", "C272", "EQ1", "EQ2", "EQ3", "EQ4");
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void anAssessmentIsScoredThenContradictedByTheData() {
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1", "2025-03-01T00:00:00Z", assessmentA1()));
        EnterpriseMaturity declared = onlyResult();
        assertThat(declared.getDeclared().getLevelScores()).satisfiesExactly(
                l1 -> assertThat(l1).isCloseTo(1.0, within(1e-9)),
                l2 -> assertThat(l2).isCloseTo(0.85, within(1e-9)),
                l3 -> assertThat(l3).isZero(), l4 -> assertThat(l4).isZero(), l5 -> assertThat(l5).isZero());
        assertThat(declared.getDeclared().getScore()).isCloseTo(1.85, within(1e-9));
        assertThat(declared.getDeclared().getLevel()).isEqualTo(2);
        // No KPIs yet: rules cannot apply, so verified = declared and rule-covered requirements are UNVERIFIED.
        assertThat(declared.getVerified().getScore()).isCloseTo(1.85, within(1e-9));
        assertThat(requirement(declared, "EQP-L2-01").getStatus()).isEqualTo(EvidenceStatus.UNVERIFIED);
        assertThat(requirement(declared, "STR-L1-01").getStatus()).isEqualTo(EvidenceStatus.NO_RULE);
        assertThat(requirement(declared, "STR-L3-01").getDeclaredGrade()).isNull(); // unanswered
        assertThat(declared.getSector()).isEqualTo("C272");
        assertThat(declared.getModelVersion()).isEqualTo("cmmm-2020-reference");
        // verified level 2 meets basic's level gate; without declared scenarios and sector benchmarks the tier is not
        // eligible (evaluation/README.md, "Smart-factory tiers")
        assertThat(declared.getTiers().getBasic()).isFalse();

        // EQ1 reports at 00:30 and 23:00; EQ2-EQ4 never. At 00:30 the enterprise has been watched for 0 h, so the
        // networking rule lacks coverage and nothing changes (no new result).
        driver.pipe(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ1", telemetry("EQ1", "E1", "2025-03-01T00:30:00Z"));
        assertThat(driver.read(Topic.MATURITY_ENTERPRISE)).isEmpty();
        // At 23:00: 1 of 4 registered equipment read in the last 24 h = 0.25 < 0.5, watched 22.5 h of 24 h =
        // 0.9375 >= 0.9, so EQP-NET-CAP caps resources.equipment and resources.network from level 2 at PARTLY.
        driver.pipe(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ1", telemetry("EQ1", "E1", "2025-03-01T23:00:00Z"));
        EnterpriseMaturity capped = onlyResult();
        // Verified L2 = 3/4 x 0.8 + 1/4 x 0.5 = 0.725 < 0.8: m = 2, S = 1 + 0.725 = 1.725, level 1.
        assertThat(capped.getVerified().getLevelScores().get(1)).isCloseTo(0.725, within(1e-9));
        assertThat(capped.getVerified().getScore()).isCloseTo(1.725, within(1e-9));
        assertThat(capped.getVerified().getLevel()).isEqualTo(1);
        assertThat(capped.getDeclared().getScore()).isCloseTo(1.85, within(1e-9));
        assertThat(capped.getContradictions()).extracting(Contradiction::getRequirementId)
                .containsExactlyInAnyOrder("EQP-L2-01", "NET-L2-01");
        Contradiction contradiction = capped.getContradictions().get(0);
        assertThat(contradiction.getRuleId()).isEqualTo("EQP-NET-CAP");
        assertThat(contradiction.getValue()).isCloseTo(0.25, within(1e-12));
        assertThat(contradiction.getThreshold()).isEqualTo(0.5);
        assertThat(contradiction.getDeclaredGrade()).isEqualTo(Grade.FULL);
        assertThat(contradiction.getVerifiedGrade()).isEqualTo(Grade.PARTLY);
        assertThat(capped.getKpis().get("networkingRate")).isCloseTo(0.25, within(1e-12));
        assertThat(capped.getAsOf()).isEqualTo(at("2025-03-01T23:00:00Z"));
        assertThat(capped.getTiers().getBasic()).isFalse(); // verified level 1

        List<Alert> alerts = alerts();
        assertThat(alerts).extracting(Alert::getKind).containsExactlyInAnyOrder(AlertKind.LEVEL_CHANGE,
                AlertKind.CONTRADICTION, AlertKind.CONTRADICTION);
        Alert levelChange = alerts.stream().filter(a -> a.getKind() == AlertKind.LEVEL_CHANGE).findFirst().orElseThrow();
        assertThat(levelChange.getAttributes()).containsEntry("fromLevel", "2").containsEntry("toLevel", "1");
    }

    @Test
    void anOlderAssessmentArrivingLaterIsIgnoredAndANewerOneReplacesIt() {
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1", "2025-03-01T00:00:00Z", assessmentA1()));
        driver.read(Topic.MATURITY_ENTERPRISE);
        // A0 was submitted a month before A1 but arrives after it: ignored, A1 stays in force.
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A0", "2025-02-01T00:00:00Z",
                Answers.fullUpTo(5)), at("2025-03-01T01:00:00Z"));
        assertThat(driver.read(Topic.MATURITY_ENTERPRISE)).isEmpty();
        assertThat(driver.<SelfAssessmentSubmission>store(StoreNames.MATURITY_ASSESSMENTS)
                .get("E1").getSubmissionId()).isEqualTo("A1");

        // A2, newer: levels 1-2 all FULL, so L2 = 1 and S = 1 + 1 + 0 = 2.0, level 2.
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A2", "2025-03-02T00:00:00Z",
                Answers.fullUpTo(2)));
        EnterpriseMaturity replaced = onlyResult();
        assertThat(replaced.getDeclared().getScore()).isCloseTo(2.0, within(1e-12));
        assertThat(replaced.getDeclared().getLevel()).isEqualTo(2);

        List<String> history = historyKeys("E1");
        assertThat(history).containsExactly(StoreNames.historyKey("E1", at("2025-03-01T00:00:00Z")),
                StoreNames.historyKey("E1", at("2025-03-02T00:00:00Z")));
    }

    private List<String> historyKeys(String enterpriseId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, EnterpriseMaturity> range = driver.<EnterpriseMaturity>store(
                StoreNames.MATURITY_ENTERPRISE_HISTORY).range(StoreNames.historyKey(enterpriseId, at("2025-01-01T00:00:00Z")),
                StoreNames.historyKey(enterpriseId, at("2026-01-01T00:00:00Z")))) {
            range.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    private static Map<String, Grade> assessmentA1() {
        return Answers.grading(requirement -> {
            if (requirement.level() == 1) {
                return Grade.FULL;
            }
            if (requirement.level() == 2) {
                return UNCAPPED_FULL.contains(requirement.requirementId()) ? Grade.FULL : Grade.LARGELY;
            }
            return null;
        });
    }

    private EnterpriseMaturity onlyResult() {
        List<KeyValue<String, EnterpriseMaturity>> results = driver.read(Topic.MATURITY_ENTERPRISE);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).key).isEqualTo("E1");
        return results.get(0).value;
    }

    private List<Alert> alerts() {
        return driver.read(Topic.MATURITY_ALERTS).stream().map(record -> record.value).toList();
    }

    private static RequirementAssessment requirement(EnterpriseMaturity maturity, String requirementId) {
        return maturity.getRequirements().stream().filter(r -> r.getRequirementId().equals(requirementId))
                .findFirst().orElseThrow();
    }
}
