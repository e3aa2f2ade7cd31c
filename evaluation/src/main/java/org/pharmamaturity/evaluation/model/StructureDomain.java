package org.pharmamaturity.evaluation.model;

import java.util.List;

/** A capability domain (能力域) with its weight within its element and its sub-domains. */
public record StructureDomain(
        String domain, String nameZh, String nameEn, double weight, WeightSource weightSource,
        List<StructureSubDomain> subDomains) {

    public StructureDomain {
        subDomains = List.copyOf(subDomains);
    }
}
