package org.pharmamaturity.evaluation.model;

import java.util.Set;

/**
 * The indicator names the pipeline computes (DESIGN.md section 5) and that evidence rules and KPI snapshots
 * may use. {@link #ENERGY_METERING_COVERAGE} is this project's addition for the energy rules: the share of
 * expected 15-minute meter intervals that delivered a reading. The two key-equipment rates (关键工序数控化率,
 * 关键设备联网率) look only at equipment registered as key-process equipment.
 */
public final class Indicators {

    public static final String OEE = "oee";
    public static final String AVAILABILITY = "availability";
    public static final String PERFORMANCE = "performance";
    public static final String QUALITY = "quality";
    public static final String NETWORKING_RATE = "networkingRate";
    public static final String ELECTRONIC_RECORD_COVERAGE = "electronicRecordCoverage";
    public static final String RIGHT_FIRST_TIME = "rightFirstTime";
    public static final String DEVIATIONS_PER_100_BATCHES = "deviationsPer100Batches";
    public static final String ENERGY_PER_UNIT = "energyPerUnit";
    public static final String ENERGY_METERING_COVERAGE = "energyMeteringCoverage";
    public static final String COLD_CHAIN_EXCURSIONS = "coldChainExcursions";
    public static final String COLD_CHAIN_LOGGING_COMPLIANCE = "coldChainLoggingCompliance";
    public static final String TIME_OUT_OF_RANGE_MINUTES = "timeOutOfRangeMinutes";
    public static final String MKT = "mkt";
    /** 关键工序数控化率: key-process equipment under digital control / key-process equipment. */
    public static final String KEY_PROCESS_DIGITAL_CONTROL_RATE = "keyProcessDigitalControlRate";
    /** 关键设备联网率: key-process equipment with a reading in the last 24 h / key-process equipment. */
    public static final String KEY_EQUIPMENT_NETWORKING_RATE = "keyEquipmentNetworkingRate";

    /** Every known indicator name. */
    public static final Set<String> KNOWN = Set.of(
            OEE, AVAILABILITY, PERFORMANCE, QUALITY, NETWORKING_RATE, ELECTRONIC_RECORD_COVERAGE,
            RIGHT_FIRST_TIME, DEVIATIONS_PER_100_BATCHES, ENERGY_PER_UNIT, ENERGY_METERING_COVERAGE,
            COLD_CHAIN_EXCURSIONS, COLD_CHAIN_LOGGING_COMPLIANCE, TIME_OUT_OF_RANGE_MINUTES, MKT,
            KEY_PROCESS_DIGITAL_CONTROL_RATE, KEY_EQUIPMENT_NETWORKING_RATE);

    private Indicators() {
    }
}
