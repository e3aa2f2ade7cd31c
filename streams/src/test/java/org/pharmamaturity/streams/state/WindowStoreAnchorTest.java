package org.pharmamaturity.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.streams.testing.PipelineDriver;

/** An empty window store gets one anchor entry after the first wall-clock second; a store with data gets none. */
class WindowStoreAnchorTest {

    @Test
    void onlyEmptyWindowStoresAreAnchored() {
        try (PipelineDriver driver = PipelineDriver.withPlant("E1", "C272", "EQ1")) {
            driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T06:00:00Z", EquipmentState.RUNNING));
            driver.advanceWallClock(Duration.ofSeconds(2));

            List<KeyValue<Windowed<String>, Long>> withData = entries(driver.windowStore(StoreNames.eventIds("equipment-state")));
            assertThat(withData).extracting(entry -> entry.key.key()).doesNotContain(WindowStoreAnchor.KEY).hasSize(1);

            List<KeyValue<Windowed<String>, Long>> empty = entries(driver.windowStore(StoreNames.eventIds("shipment")));
            assertThat(empty).hasSize(1);
            assertThat(empty.get(0).key.key()).isEqualTo(WindowStoreAnchor.KEY);
            assertThat(empty.get(0).key.window().startTime()).isEqualTo(Instant.EPOCH);
            assertThat(entries(driver.windowStore(StoreNames.KPI_TELEMETRY_HOURS))).extracting(entry -> entry.key.key())
                    .containsExactly(WindowStoreAnchor.KEY);
        }
    }

    private static List<KeyValue<Windowed<String>, Long>> entries(WindowStore<String, Long> store) {
        List<KeyValue<Windowed<String>, Long>> entries = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, Long> all = store.all()) {
            all.forEachRemaining(entries::add);
        }
        return entries;
    }
}
