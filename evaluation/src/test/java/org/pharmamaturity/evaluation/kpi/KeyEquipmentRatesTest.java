package org.pharmamaturity.evaluation.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** 关键工序数控化率 and 关键设备联网率 over registered equipment. */
class KeyEquipmentRatesTest {

    private static final long HOUR = 60L * 60 * 1000;
    private static final long NOW = 1_000 * HOUR;

    @Test
    void ratesCountOnlyKeyProcessEquipment() {
        List<EquipmentFacts> equipment = List.of(
                new EquipmentFacts("K1", true, true, NOW - HOUR),        // key, digital, read 1 h ago
                new EquipmentFacts("K2", true, true, NOW - 25 * HOUR),   // key, digital, silent for 25 h
                new EquipmentFacts("K3", true, false, null),             // key, manual, never read
                new EquipmentFacts("K4", true, false, NOW - 24 * HOUR),  // key, manual, read exactly 24 h ago: too old
                new EquipmentFacts("N1", false, true, NOW));             // not key: ignored by both rates
        KeyEquipmentRates rates = KeyEquipmentRates.of(equipment, NOW);
        // digital control: K1, K2 of K1..K4 = 2 / 4
        assertThat(rates.digitalControl()).isEqualTo(new Ratio(2, 4));
        // networking: a reading in (now - 24 h, now] -> only K1 = 1 / 4
        assertThat(rates.networking()).isEqualTo(new Ratio(1, 4));
        assertThat(rates.values(0.9, "PT24H")).containsExactly(
                Map.entry("keyProcessDigitalControlRate", new KpiValue(0.5, 0.9, "PT24H")),
                Map.entry("keyEquipmentNetworkingRate", new KpiValue(0.25, 0.9, "PT24H")));
    }

    @Test
    void withoutKeyEquipmentThereIsNoValueNotARateOfZero() {
        KeyEquipmentRates rates = KeyEquipmentRates.of(List.of(new EquipmentFacts("N1", false, true, NOW)), NOW);
        assertThat(rates.digitalControl()).isEqualTo(Ratio.EMPTY);
        assertThat(rates.networking()).isEqualTo(Ratio.EMPTY);
        assertThat(rates.values(1.0, "PT24H")).isEmpty();
        assertThat(KeyEquipmentRates.of(List.of(), NOW).values(1.0, "PT24H")).isEmpty();
    }

    @Test
    void anEquipmentListedTwiceCountsOnceWithItsLatestFacts() {
        KeyEquipmentRates rates = KeyEquipmentRates.of(List.of(
                new EquipmentFacts("K1", true, false, null),
                new EquipmentFacts("K1", true, true, NOW)), NOW);
        // one key equipment, now digital and read: 1 / 1 each
        assertThat(rates.digitalControl()).isEqualTo(new Ratio(1, 1));
        assertThat(rates.networking()).isEqualTo(new Ratio(1, 1));
    }
}
