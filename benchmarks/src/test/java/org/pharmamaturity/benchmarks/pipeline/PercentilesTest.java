package org.pharmamaturity.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneHundredValues() {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            values.add((double) i);
        }
        Collections.shuffle(values);
        // nearest rank: p50 is the 50th smallest (50), p99 the 99th (99)
        assertThat(Percentiles.of(values)).isEqualTo(new Percentiles(50.0, 99.0));
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        assertThat(Percentiles.of(List.of(7.0))).isEqualTo(new Percentiles(7.0, 7.0));
    }

    @Test
    void nothingMeasuredIsNotANumber() {
        assertThat(Percentiles.of(List.of()).p50()).isNaN();
    }
}
