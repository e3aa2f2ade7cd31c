package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.testing.TestRecords.telemetry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.KpiValue;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.PipelineDriver;
import org.pharmamaturity.streams.testing.TestRecords;

/**
 * The key-equipment indicators of E1, whose registry holds EQ1 (key process, digital control), EQ2 (key process,
 * manual), EQ3 (key process, digital control) and EQ4 (not a key process, digital control); EQ1 reports at 08:00
 * and EQ4 at 09:00 on 2025-03-01.
 */
class KeyEquipmentKpiTopologyTest {

    private PipelineDriver driver;

    @BeforeEach
    void start() {
        driver = new PipelineDriver();
        driver.pipe(Topic.REF_ENTERPRISE, "E1", TestRecords.enterprise("E1", "C272"));
        register("EQ1", true, true);
        register("EQ2", true, false);
        register("EQ3", true, true);
        register("EQ4", false, true);
        driver.pipe(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ1", telemetry("EQ1", "E1", "2025-03-01T08:00:00Z"));
        driver.pipe(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ4", telemetry("EQ4", "E1", "2025-03-01T09:00:00Z"));
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void theRollingValuesCountTheKeyProcessEquipment() {
        EnterpriseKpi rolling = driver.<EnterpriseKpi>store(StoreNames.KPI_ENTERPRISE_ROLLING).get("E1");
        Map<String, KpiValue> values = rolling.getValues();
        // key process: EQ1, EQ2, EQ3; under digital control: EQ1, EQ3 -> 2 / 3, from the registry: coverage 1
        assertThat(values.get("keyProcessDigitalControlRate").getValue()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(values.get("keyProcessDigitalControlRate").getCoverage()).isEqualTo(1.0);
        assertThat(values.get("keyProcessDigitalControlRate").getWindow()).isEqualTo("P30D");
        // of the three, only EQ1 read within the 24 h up to 09:00 -> 1 / 3
        assertThat(values.get("keyEquipmentNetworkingRate").getValue()).isCloseTo(1.0 / 3, within(1e-12));
        // watched from 08:00 to 09:00 of the 24 h window: 1 / 24, as the networking rate
        assertThat(values.get("keyEquipmentNetworkingRate").getCoverage()).isCloseTo(1.0 / 24, within(1e-12));
        assertThat(values.get("keyEquipmentNetworkingRate").getWindow()).isEqualTo("PT24H");
        // every registered equipment: EQ1 and EQ4 of four -> 2 / 4
        assertThat(values.get("networkingRate").getValue()).isEqualTo(0.5);
    }

    @Test
    void theDailyRecordCarriesThemToo() {
        EnterpriseKpi day = driver.latest(Topic.KPI_ENTERPRISE_DAILY).get("E1@2025-03-01");
        assertThat(day.getValues().get("keyProcessDigitalControlRate").getValue()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(day.getValues().get("keyProcessDigitalControlRate").getWindow()).isEqualTo("P1D");
        // EQ1 read on the day -> 1 / 3 of the key-process equipment
        assertThat(day.getValues().get("keyEquipmentNetworkingRate").getValue()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(day.getValues().get("keyEquipmentNetworkingRate").getWindow()).isEqualTo("P1D");
    }

    @Test
    void withoutKeyProcessEquipmentTheKeyRatesAreAbsent() {
        Map<String, KpiValue> values = new java.util.TreeMap<>();
        List<Equipment> none = List.of(equipment("EQ9", false, true));
        RegistryIndicators.put(values, none, Map.of("EQ9", 0L), 0L, 1, KpiValues.DAY, KpiValues.DAY);
        // one registered equipment, read at the asOf instant: networkingRate 1 / 1; nothing to divide by for the key rates
        assertThat(values).containsOnlyKeys("networkingRate");
        assertThat(values.get("networkingRate").getValue()).isEqualTo(1.0);
    }

    private void register(String equipmentId, boolean keyProcess, boolean digitalControl) {
        driver.pipe(Topic.REF_EQUIPMENT, equipmentId, equipment(equipmentId, keyProcess, digitalControl));
    }

    private static Equipment equipment(String equipmentId, boolean keyProcess, boolean digitalControl) {
        Equipment equipment = TestRecords.equipment(equipmentId, "E1");
        equipment.setKeyProcess(keyProcess);
        equipment.setDigitalControl(digitalControl);
        return equipment;
    }
}
