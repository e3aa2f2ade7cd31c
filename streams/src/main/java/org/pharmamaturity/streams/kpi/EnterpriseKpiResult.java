package org.pharmamaturity.streams.kpi;

import org.pharmamaturity.schemas.avro.EnterpriseKpi;

/**
 * A changed enterprise KPI record: a day's values (for kpi.enterprise.daily, keyed by enterpriseId@day) or the
 * rolling 30-day values (for the maturity scoring, keyed by enterpriseId).
 */
public record EnterpriseKpiResult(boolean rolling, EnterpriseKpi kpi) {
}
