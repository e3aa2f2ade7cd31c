package org.pharmamaturity.streams.kpi;

import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;

/**
 * What the cold-chain processor publishes: new figures of a unit's day for its enterprise (fact), or an
 * alert for a new excursion episode (alert); exactly one is set.
 */
public record ColdChainResult(String enterpriseId, EnterpriseFact fact, Alert alert) {

    /** New figures for the enterprise's day. */
    public static ColdChainResult ofFigures(String enterpriseId, EnterpriseFact fact) {
        return new ColdChainResult(enterpriseId, fact, null);
    }

    /** An excursion alert. */
    public static ColdChainResult ofAlert(Alert alert) {
        return new ColdChainResult(alert.getEnterpriseId(), null, alert);
    }

    /** True for an alert. */
    public boolean isAlert() {
        return alert != null;
    }
}
