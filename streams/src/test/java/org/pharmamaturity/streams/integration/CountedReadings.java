package org.pharmamaturity.streams.integration;

import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.equipment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.streams.testing.TestRecords;

/**
 * The input of the failure tests: one enterprise with one machine whose production counts each report exactly one
 * good unit, at one second apart within one UTC day. The machine's daily good count is then the number of distinct
 * counts the pipeline took in, an exact figure the test compares with its own count of what it sent.
 */
final class CountedReadings {

    private final String enterpriseId;
    private final String equipmentId;
    private final LocalDate day;

    CountedReadings(String run, LocalDate day) {
        this.enterpriseId = "EF-" + run;
        this.equipmentId = "EQF-" + run;
        this.day = day;
    }

    String equipmentId() {
        return equipmentId;
    }

    /** Registers the enterprise and its machine (reference data). */
    void register(KafkaProducer<String, SpecificRecord> producer) {
        referenceRecords().forEach(producer::send);
        producer.flush();
    }

    /** The enterprise and its machine, for a caller that registers many and flushes once. */
    List<ProducerRecord<String, SpecificRecord>> referenceRecords() {
        return List.of(
                new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), enterpriseId, enterprise(enterpriseId, "SF-" + enterpriseId)),
                new ProducerRecord<>(Topic.REF_EQUIPMENT.name(), equipmentId, equipment(equipmentId, enterpriseId)));
    }

    /** The key of the machine's daily KPI in kpi.equipment.daily. */
    String dailyKey() {
        return Topic.dailyKey(equipmentId, day);
    }

    /** Count number {@code i} (from 0): one good unit at {@code i} seconds after midnight, a fresh eventId. */
    ProducerRecord<String, SpecificRecord> count(int i) {
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(i);
        return new ProducerRecord<>(Topic.FACTORY_PRODUCTION_COUNT.name(), equipmentId, new ProductionCount(
                UUID.randomUUID().toString(), at, enterpriseId, TestRecords.SITE, equipmentId, "B-" + equipmentId,
                1L, 0L, 36_000.0));
    }

    /**
     * The machine's daily KPI as published once its good count reached {@code expected} (or the timeout passed),
     * read to the end of what is committed, so an overshoot from double counting shows too; null when none came.
     */
    EquipmentKpi dailyKpi(EmbeddedTopics topics, long expected, Duration timeout) {
        String key = dailyKey();
        Map<String, EquipmentKpi> latest = topics.latest(Topic.KPI_EQUIPMENT_DAILY, key::equals,
                found -> found.containsKey(key) && found.get(key).getComponents().getGoodCount() >= expected, timeout);
        return latest.get(key);
    }

    /** The good count of {@link #dailyKpi}, -1 when nothing was published. */
    long goodCount(EmbeddedTopics topics, long expected, Duration timeout) {
        EquipmentKpi kpi = dailyKpi(topics, expected, timeout);
        return kpi == null ? -1 : kpi.getComponents().getGoodCount();
    }
}
