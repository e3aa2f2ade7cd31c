package org.pharmamaturity.evaluation.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EnergyKpiTest {

    private static final long MINUTE = 60_000L;

    @Test
    void energyPerUnitAddsCarriersInStandardCoal() {
        // 1 000 kWh x 0.1229 = 122.9 kgce; 100 m3 gas x 1.2143 = 121.43 kgce; total 244.33 kgce over 5 000 units
        EnergyPerUnit tally = EnergyPerUnit.NONE
                .withEnergy(StandardCoalEquivalent.toKgce("ELECTRICITY", 1000, "kWh"))
                .withEnergy(StandardCoalEquivalent.toKgce("NATURAL_GAS", 100, "m3"))
                .withOutput(3000).plus(EnergyPerUnit.NONE.withOutput(2000));
        // 244.33 / 5000 = 0.048866 kgce per unit
        assertThat(tally.value().getAsDouble()).isCloseTo(0.048866, within(1e-12));
        assertThat(EnergyPerUnit.NONE.withEnergy(5).value()).isEmpty();
    }

    @Test
    void anUnknownCarrierOrUnitIsRefused() {
        assertThatThrownBy(() -> StandardCoalEquivalent.toKgce("ELECTRICITY", 1, "BTU"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ELECTRICITY in BTU");
    }

    @Test
    void meteringCoverageCountsFifteenMinuteIntervalsWithAReading() {
        // window 1 h = 4 intervals, 2 meters: 8 expected
        TimeWindow hour = new TimeWindow(0, 60 * MINUTE);
        Map<String, List<Long>> readings = Map.of(
                // m1: minutes 0, 5 (same interval), 20, 31, 59 -> intervals 0, 1, 2, 3 = 4
                "m1", List.of(0L, 5 * MINUTE, 20 * MINUTE, 31 * MINUTE, 59 * MINUTE),
                // m2: minute 16 -> interval 1; minute 60 is outside the window -> 1
                "m2", List.of(16 * MINUTE, 60 * MINUTE),
                // m3 is not an expected meter: ignored
                "m3", List.of(0L));
        // (4 + 1) / 8 = 0.625
        assertThat(EnergyMeteringCoverage.compute(List.of("m1", "m2"), readings, hour)).isEqualTo(new Ratio(5, 8));
    }
}
