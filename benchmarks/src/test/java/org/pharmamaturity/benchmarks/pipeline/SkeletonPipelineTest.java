package org.pharmamaturity.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnergyCarrier;
import org.pharmamaturity.schemas.avro.EnergyReading;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.schemas.serde.AvroSerializer;
import org.pharmamaturity.streams.serde.TopicSerdes;

/** The skeleton counts every event once per enterprise and UTC day, whatever topic it came from; garbage is skipped. */
class SkeletonPipelineTest {

    private final Map<String, Object> serde = Map.of("schema.registry.url", "mock://skeleton-" + UUID.randomUUID(),
            "specific.avro.reader", true);

    @TempDir
    Path stateDir;

    @Test
    void countsEventsPerEnterpriseAndDayAcrossTopics() throws Exception {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "skeleton-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir).toString());
        properties.putAll(serde);
        try (TopologyTestDriver driver = new TopologyTestDriver(SkeletonPipeline.topology(new TopicSerdes(serde)),
                SkeletonPipeline.settings(properties))) {
            pipe(driver, Topic.FACTORY_EQUIPMENT_STATE, new EquipmentStateChange("s1", at("2025-03-01T06:00:00Z"), "E1",
                    "S1", "EQ1", EquipmentState.RUNNING, null));
            pipe(driver, Topic.FACTORY_PRODUCTION_COUNT, new ProductionCount("c1", at("2025-03-01T23:59:59Z"), "E1",
                    "S1", "EQ1", "B1", 10L, 0L, 100.0));
            pipe(driver, Topic.FACTORY_EQUIPMENT_STATE, new EquipmentStateChange("s2", at("2025-03-02T00:00:00Z"), "E1",
                    "S1", "EQ1", EquipmentState.IDLE, null));
            pipe(driver, Topic.FACTORY_ENERGY_READING, EnergyReading.newBuilder().setEventId("e1")
                    .setEventTime(at("2025-03-01T12:00:00Z")).setEnterpriseId("E2").setSiteId("S1").setMeterId("M1")
                    .setCarrier(EnergyCarrier.ELECTRICITY).setQuantity(5.0).setUnit("kWh").build());
            driver.createInputTopic(Topic.FACTORY_PRODUCTION_COUNT.name(), new StringSerializer(), new StringSerializer())
                    .pipeInput("EQ1", "not avro");

            KeyValueStore<String, ValueAndTimestamp<Long>> counts = driver.getTimestampedKeyValueStore("skeleton-counts");
            // E1 on 1 March: the state change at 06:00 and the count at 23:59:59; on 2 March the change at midnight.
            assertThat(counts.get("E1|2025-03-01").value()).isEqualTo(2L);
            assertThat(counts.get("E1|2025-03-02").value()).isEqualTo(1L);
            assertThat(counts.get("E2|2025-03-01").value()).isEqualTo(1L);
            // The garbage record is skipped, not counted anywhere: three keys in all.
            List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, ValueAndTimestamp<Long>> all = counts.all()) {
                all.forEachRemaining(entry -> keys.add(entry.key));
            }
            assertThat(keys).containsExactly("E1|2025-03-01", "E1|2025-03-02", "E2|2025-03-01");
        }
    }

    private <V extends SpecificRecord> void pipe(TopologyTestDriver driver, Topic<V> topic, V value) {
        AvroSerializer<V> serializer = new AvroSerializer<>();
        serializer.configure(serde, false);
        driver.createInputTopic(topic.name(), new StringSerializer(), serializer).pipeInput("key", value);
    }

    private static Instant at(String time) {
        return Instant.parse(time);
    }
}
