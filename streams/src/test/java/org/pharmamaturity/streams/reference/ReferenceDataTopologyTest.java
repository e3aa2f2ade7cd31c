package org.pharmamaturity.streams.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.batch;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.BatchState;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.PipelineDriver;
import org.pharmamaturity.streams.testing.TestRecords;

/**
 * The global reference stores skip a bad record without counting or dead-lettering it (the reference audit does
 * that, once; the global thread re-reads its topic on every restore), and take the corrected record that follows.
 */
class ReferenceDataTopologyTest {

    private final PipelineDriver driver = PipelineDriver.withPlant("E1", "C272");

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aBadEnterpriseIsSkippedSilentlyAndItsCorrectionIsTaken() {
        byte[] blankSector = driver.serialize(Topic.REF_ENTERPRISE.name(), enterprise("E2", ""));
        driver.pipeBytes(Topic.REF_ENTERPRISE.name(), "E2".getBytes(StandardCharsets.UTF_8), blankSector,
                TestRecords.at("2025-01-01T00:00:00Z"));
        assertThat(driver.<Enterprise>store(StoreNames.REF_ENTERPRISE).get("E2")).isNull();
        assertThat(driver.meters().deadLetterCounts()).isEmpty();

        // An event of E2 meanwhile is refused, once it has waited maturity.validation.reference-wait (PT30S) for E2.
        driver.pipe(Topic.FACTORY_BATCH_STATUS, "B1", batch("B1", "E2", "2025-03-01T08:00:00Z", BatchState.RELEASED, null));
        assertThat(driver.read(Topic.MATURITY_DLQ)).isEmpty();
        driver.advanceWallClock(Duration.ofSeconds(31));
        List<KeyValue<String, DeadLetter>> letters = driver.read(Topic.MATURITY_DLQ);
        assertThat(letters).extracting(letter -> letter.value.getReason())
                .containsExactly(DeadLetterReason.UNKNOWN_ENTERPRISE);
        assertThat(letters.get(0).value.getSourceTopic()).isEqualTo(Topic.FACTORY_BATCH_STATUS.name());

        driver.pipe(Topic.REF_ENTERPRISE, "E2", enterprise("E2", "C271"));
        assertThat(driver.<Enterprise>store(StoreNames.REF_ENTERPRISE).get("E2").getSector()).isEqualTo("C271");
        assertThat(driver.meters().deadLetterCounts())
                .isEqualTo(Map.of(Topic.FACTORY_BATCH_STATUS.name() + "|" + DeadLetterReason.UNKNOWN_ENTERPRISE, 1L));
    }
}
