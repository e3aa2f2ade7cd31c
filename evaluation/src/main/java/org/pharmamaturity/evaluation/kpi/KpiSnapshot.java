package org.pharmamaturity.evaluation.kpi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The indicator values of one enterprise at one time (DESIGN.md section 5 "kpis"), the input of evidence rules. */
public record KpiSnapshot(String enterpriseId, Instant asOf, Map<String, KpiValue> values) {

    public KpiSnapshot {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A snapshot without values: every rule then lacks coverage and leaves grades unverified. */
    public static KpiSnapshot empty(String enterpriseId, Instant asOf) {
        return new KpiSnapshot(enterpriseId, asOf, Map.of());
    }

    /** The value of one indicator, if the snapshot has it. */
    public Optional<KpiValue> value(String indicator) {
        return Optional.ofNullable(values.get(indicator));
    }
}
