package org.pharmamaturity.evaluation.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class KpiSnapshotReaderTest {

    @Test
    void readsTheDesignShape() {
        KpiSnapshot snapshot = KpiSnapshotReader.read("""
                {"enterpriseId": "ent-1", "asOf": "2025-07-01T00:00:00Z",
                 "values": {"oee": {"value": 0.62, "coverage": 0.9, "window": "P30D"},
                            "networkingRate": {"value": 0.95, "coverage": 1}}}
                """, "k.json");
        assertThat(snapshot.enterpriseId()).isEqualTo("ent-1");
        assertThat(snapshot.asOf()).isEqualTo(Instant.parse("2025-07-01T00:00:00Z"));
        assertThat(snapshot.value("oee")).contains(new KpiValue(0.62, 0.9, "P30D"));
        assertThat(snapshot.value("networkingRate")).contains(new KpiValue(0.95, 1.0, null));
        assertThat(snapshot.value("mkt")).isEmpty();
    }

    @Test
    void reportsEveryProblem() {
        assertThatThrownBy(() -> KpiSnapshotReader.read("""
                {"asOf": "soon",
                 "values": {"happiness": {"value": 1, "coverage": 1},
                            "oee": {"coverage": 1.5}}}
                """, "k.json"))
                .isInstanceOfSatisfying(KpiSnapshotException.class, e -> assertThat(e.problems()).containsExactly(
                        "enterpriseId: missing",
                        "asOf: 'soon' is not an ISO-8601 instant such as 2025-06-30T00:00:00Z",
                        "values.happiness: unknown indicator; known indicators: availability, coldChainExcursions, "
                                + "coldChainLoggingCompliance, deviationsPer100Batches, electronicRecordCoverage, "
                                + "energyMeteringCoverage, energyPerUnit, keyEquipmentNetworkingRate, "
                                + "keyProcessDigitalControlRate, mkt, networkingRate, oee, performance, quality, "
                                + "rightFirstTime, timeOutOfRangeMinutes",
                        "values.oee.value: missing",
                        "values.oee: coverage 1.5 is outside [0, 1]"));
    }
}
