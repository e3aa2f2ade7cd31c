package org.pharmamaturity.streams.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;

import java.time.Duration;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.Answers;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * A stored result computed by model content other than the content now in force (same modelVersion, a
 * corrected file loaded at start) is recomputed by the first wall-clock check. TopologyTestDriver cannot restart
 * on the same state, so the test writes the older fingerprint into the store, as a previous run would have left
 * it.
 */
class ModelChangeTest {

    private PipelineDriver driver;

    @BeforeEach
    void start() {
        driver = new PipelineDriver();
        driver.pipe(Topic.REF_ENTERPRISE, "E1", enterprise("E1", "C272"));
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1", "2025-03-01T00:00:00Z",
                Answers.fullUpTo(2)));
        // The set-up's one result: FULL up to level 2, no KPIs, so S = L1 + L2 + L3 = 1 + 1 + 0 = 2, level 2.
        assertThat(driver.read(Topic.MATURITY_ENTERPRISE)).singleElement()
                .satisfies(result -> assertThat(result.value.getVerified().getLevel()).isEqualTo(2));
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aResultOfOtherModelContentIsRecomputed() {
        KeyValueStore<String, String> fingerprints = driver.store(StoreNames.MATURITY_MODEL_FINGERPRINTS);
        String inForce = ModelsInForce.fingerprint(ModelLoader.reference());
        assertThat(fingerprints.get("E1")).isEqualTo(inForce);
        fingerprints.put("E1", "fingerprint-of-an-earlier-file");

        driver.advanceWallClock(Duration.ofMinutes(1));

        EnterpriseMaturity recomputed = driver.latest(Topic.MATURITY_ENTERPRISE).get("E1");
        assertThat(recomputed).isNotNull();
        assertThat(recomputed.getModelVersion()).isEqualTo("cmmm-2020-reference");
        assertThat(fingerprints.get("E1")).isEqualTo(inForce);
    }

    @Test
    void anUpToDateResultIsLeftAlone() {
        KeyValueStore<String, String> fingerprints = driver.store(StoreNames.MATURITY_MODEL_FINGERPRINTS);
        assertThat(fingerprints.get("E1")).isEqualTo(ModelsInForce.fingerprint(ModelLoader.reference()));

        driver.advanceWallClock(Duration.ofMinutes(1));

        assertThat(driver.read(Topic.MATURITY_ENTERPRISE)).isEmpty();
    }
}
