package org.pharmamaturity.producers.simulate;

import java.util.List;

/**
 * One simulated enterprise: its identity, sector, sites, equipment and maturity profile.
 */
public record SimulatedEnterprise(String enterpriseId, String name, String uscc, Sector sector, String district,
                                  List<String> siteIds, MaturityProfile profile, List<SimulatedEquipment> equipment) {

    public SimulatedEnterprise {
        siteIds = List.copyOf(siteIds);
        equipment = List.copyOf(equipment);
    }

    /** The first site, where batches are made and shipped from. */
    public String mainSiteId() {
        return siteIds.get(0);
    }
}
