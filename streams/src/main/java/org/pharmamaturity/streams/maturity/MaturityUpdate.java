package org.pharmamaturity.streams.maturity;

import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.streams.state.avro.SectorContribution;

/**
 * A newly published maturity result with the one it replaces (null for an enterprise's first), and what it
 * contributes to its sector.
 */
public record MaturityUpdate(String enterpriseId, EnterpriseMaturity previous, EnterpriseMaturity current,
        SectorContribution contribution) {
}
