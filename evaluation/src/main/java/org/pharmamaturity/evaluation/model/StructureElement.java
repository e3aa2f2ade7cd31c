package org.pharmamaturity.evaluation.model;

import java.util.List;

/** A capability element (能力要素: people, technology, resources, manufacturing) with its weight and domains. */
public record StructureElement(
        String element, String nameZh, String nameEn, double weight, WeightSource weightSource,
        List<StructureDomain> domains) {

    public StructureElement {
        domains = List.copyOf(domains);
    }
}
