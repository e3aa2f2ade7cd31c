package org.pharmamaturity.streams.kpi;

import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.streams.dlq.LateRecord;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;

/**
 * What the cold-chain processor publishes: new figures of a unit's day for its enterprise (fact), an alert for a
 * new excursion episode (alert), or a reading that came after its day had closed (late); exactly one is set.
 */
public record ColdChainResult(String enterpriseId, EnterpriseFact fact, Alert alert, LateRecord late) {

    /** New figures for the enterprise's day. */
    public static ColdChainResult ofFigures(String enterpriseId, EnterpriseFact fact) {
        return new ColdChainResult(enterpriseId, fact, null, null);
    }

    /** An excursion alert. */
    public static ColdChainResult ofAlert(Alert alert) {
        return new ColdChainResult(alert.getEnterpriseId(), null, alert, null);
    }

    /** A reading too late for its day, for maturity.dlq. */
    public static ColdChainResult ofLate(LateRecord late) {
        return new ColdChainResult(null, null, null, late);
    }

    /** True for a late reading. */
    public boolean isLate() {
        return late != null;
    }

    /** True for an alert. */
    public boolean isAlert() {
        return alert != null;
    }
}
