package org.pharmamaturity.evaluation.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NetworkingRateTest {

    private static final long AS_OF = 1_750_000_000_000L;
    private static final long HOUR = 3_600_000L;

    @Test
    void registeredEquipmentWithAReadingInTheLast24Hours() {
        Map<String, Long> lastReading = Map.of(
                "e1", AS_OF - HOUR,             // counts
                "e2", AS_OF - 24 * HOUR,        // exactly 24 h old: outside (asOf - 24 h, asOf]
                "e3", AS_OF - 24 * HOUR + 1,    // 1 ms inside: counts
                "e5", AS_OF);                   // not registered: ignored
        // e4 never reported. 2 of 4 registered: 0.5
        Ratio rate = NetworkingRate.compute(List.of("e1", "e2", "e3", "e4"), lastReading, AS_OF);
        assertThat(rate).isEqualTo(new Ratio(2, 4));
        assertThat(rate.value().getAsDouble()).isEqualTo(0.5);
    }

    @Test
    void aReadingAfterTheEvaluationTimeDoesNotCountAndNothingRegisteredIsUndefined() {
        assertThat(NetworkingRate.compute(List.of("e1"), Map.of("e1", AS_OF + 1), AS_OF)).isEqualTo(new Ratio(0, 1));
        assertThat(NetworkingRate.compute(List.of(), Map.of("e1", AS_OF), AS_OF).value()).isEmpty();
    }
}
