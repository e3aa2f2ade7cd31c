package org.pharmamaturity.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;

class TopicTest {

    @Test
    void holdsEveryTopicOfTheDesignOnce() {
        assertThat(Topic.all()).extracting(Topic::name).containsExactly(
                "ref.enterprise", "ref.equipment", "ref.title", "factory.equipment.state", "factory.production.count",
                "factory.equipment.telemetry", "factory.batch.status", "quality.event", "factory.energy.reading",
                "logistics.coldchain.reading", "logistics.shipment", "assessment.self.submitted",
                "assessment.scenarios.declared", "kpi.equipment.daily", "kpi.enterprise.daily", "maturity.enterprise", "maturity.sector",
                "maturity.programme", "maturity.alerts", "maturity.dlq");
    }

    @Test
    void compactedAreTheReferenceAndLatestStateTopics() {
        assertThat(Topic.all()).filteredOn(Topic::compacted).extracting(Topic::name).containsExactly(
                "ref.enterprise", "ref.equipment", "ref.title", "maturity.enterprise", "maturity.sector",
                "maturity.programme");
    }

    @Test
    void valueSchemaIsTheGeneratedClassesSchema() {
        Topic.all().forEach(topic ->
                assertThat(topic.valueSchema()).as(topic.name())
                        .isEqualTo(org.apache.avro.specific.SpecificData.get().getSchema(topic.valueClass())));
        assertThat(Topic.FACTORY_EQUIPMENT_TELEMETRY.valueClass()).isEqualTo(EquipmentTelemetry.class);
    }

    @Test
    void findsATopicByName() {
        assertThat(Topic.byName("maturity.dlq")).contains(Topic.MATURITY_DLQ);
        assertThat(Topic.byName("no.such.topic")).isEmpty();
    }

    @Test
    void valueSubjectFollowsTopicNameStrategy() {
        assertThat(Topic.FACTORY_EQUIPMENT_STATE.valueSubject()).isEqualTo("factory.equipment.state-value");
    }

    @Test
    void topicConfigsFollowCompactionAndRetention() {
        assertThat(Topic.REF_ENTERPRISE.topicConfigs()).isEqualTo(Map.of("cleanup.policy", "compact"));
        // 7 days * 86 400 000 ms
        assertThat(Topic.FACTORY_EQUIPMENT_TELEMETRY.topicConfigs())
                .isEqualTo(Map.of("cleanup.policy", "delete", "retention.ms", "604800000"));
        NewTopic dlq = Topic.MATURITY_DLQ.newTopic(Optional.of((short) 1));
        assertThat(dlq.name()).isEqualTo("maturity.dlq");
        assertThat(dlq.numPartitions()).isEqualTo(3);
        // 30 days * 86 400 000 ms
        assertThat(dlq.configs()).containsEntry("retention.ms", "2592000000");
    }

    @Test
    void titleKeyIsEnterpriseTitleAndForAScenarioItsId() {
        assertThat(Topic.titleKey("E1", "PIONEER_ENTERPRISE", null)).isEqualTo("E1|PIONEER_ENTERPRISE");
        assertThat(Topic.titleKey("E1", "TYPICAL_SCENARIO", "PO-07")).isEqualTo("E1|TYPICAL_SCENARIO|PO-07");
    }

    @Test
    void dailyKeyIsIdAtIsoDay() {
        assertThat(Topic.dailyKey("EQ-7", LocalDate.of(2026, 3, 1))).isEqualTo("EQ-7@2026-03-01");
    }
}
