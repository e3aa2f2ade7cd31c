package org.pharmamaturity.streams.kpi;

import java.util.OptionalDouble;

import org.pharmamaturity.schemas.avro.KpiValue;

/** Builds the Avro KpiValue of an indicator. */
public final class KpiValues {

    /** The window of a daily value. */
    public static final String DAY = "P1D";
    /** The window of a rolling value. */
    public static final String ROLLING_30_DAYS = "P30D";
    /** The window of the networking rate's rolling value (reading in the last 24 h). */
    public static final String LAST_24_HOURS = "PT24H";

    private KpiValues() {
    }

    /** A value, null when undefined, with its coverage and window. */
    public static KpiValue of(OptionalDouble value, double coverage, String window) {
        return new KpiValue(value.isPresent() ? value.getAsDouble() : null, coverage, window);
    }
}
