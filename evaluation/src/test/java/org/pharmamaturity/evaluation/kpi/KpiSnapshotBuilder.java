package org.pharmamaturity.evaluation.kpi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds KPI snapshots for tests: enterprise "ent-1" as of 2025-07-01T00:00:00Z, 30-day window. */
public final class KpiSnapshotBuilder {

    public static final Instant AS_OF = Instant.parse("2025-07-01T00:00:00Z");

    private final Map<String, KpiValue> values = new LinkedHashMap<>();
    private String enterpriseId = "ent-1";

    private KpiSnapshotBuilder() {
    }

    public static KpiSnapshotBuilder kpis() {
        return new KpiSnapshotBuilder();
    }

    public KpiSnapshotBuilder enterprise(String enterpriseId) {
        this.enterpriseId = enterpriseId;
        return this;
    }

    /** {@code indicator} = {@code value} with full coverage. */
    public KpiSnapshotBuilder value(String indicator, double value) {
        return value(indicator, value, 1.0);
    }

    public KpiSnapshotBuilder value(String indicator, double value, double coverage) {
        values.put(indicator, new KpiValue(value, coverage, "P30D"));
        return this;
    }

    public KpiSnapshot build() {
        return new KpiSnapshot(enterpriseId, AS_OF, values);
    }
}
