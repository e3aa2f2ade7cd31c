package org.pharmamaturity.evaluation.scoring;

import org.pharmamaturity.evaluation.model.ManufacturingType;

/** What the scorer needs to know about an enterprise beyond its assessment: its sector code and manufacturing type. */
public record EnterpriseProfile(String sector, ManufacturingType manufacturingType) {

    /** Sector unknown; every requirement applies. */
    public static EnterpriseProfile unknown() {
        return new EnterpriseProfile(null, ManufacturingType.MIXED);
    }
}
