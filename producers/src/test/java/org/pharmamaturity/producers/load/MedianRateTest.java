package org.pharmamaturity.producers.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MedianRateTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(MedianRate.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddlePair() {
        // sorted 1, 2, 4, 9: (2 + 4) / 2 = 3
        assertThat(MedianRate.median(List.of(9.0, 1.0, 4.0, 2.0))).isEqualTo(3.0);
    }

    @Test
    void oneLinePerModeFromAcknowledgedRecordsPerSecond() {
        List<LoadResult> results = List.of(
                new LoadResult("avro", 100, 100, 0, 50, 1.0),   // 100 / 1.0 = 100/s
                new LoadResult("raw", 100, 100, 0, 50, 0.5),    // 100 / 0.5 = 200/s
                new LoadResult("avro", 100, 100, 0, 50, 0.5),   // 200/s
                new LoadResult("raw", 100, 100, 0, 50, 0.25),   // 400/s
                new LoadResult("avro", 100, 100, 0, 50, 0.25)); // 400/s

        assertThat(MedianRate.of(results)).containsExactly(
                "median avro: 200 records/s over 3 runs",   // 100, 200, 400
                "median raw : 300 records/s over 2 runs");  // (200 + 400) / 2
    }
}
