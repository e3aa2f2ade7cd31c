package org.pharmamaturity.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class VariantTest {

    @Test
    void aSpecGivesANameAndSettings() {
        Variant variant = Variant.parse("batching:producer.linger.ms=20, producer.batch.size=262144");
        assertThat(variant.name()).isEqualTo("batching");
        assertThat(variant.settings()).isEqualTo(Map.of("producer.linger.ms", "20", "producer.batch.size", "262144"));
        assertThat(variant.label("exactly_once_v2")).isEqualTo("exactly_once_v2 + batching");
        assertThat(Variant.PLAIN.label("at_least_once")).isEqualTo("at_least_once");
    }

    @Test
    void aSpecWithoutNameOrValueIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> Variant.parse("commit.interval.ms=1000")).hasMessageContaining("name:key=value");
        assertThatThrownBy(() -> Variant.parse("fast:commit.interval.ms")).hasMessageContaining("is not key=value");
    }
}
