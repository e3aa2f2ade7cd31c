package org.pharmamaturity.evaluation.model;

/** A scored leaf of the structure (能力子域) with its weight within its domain. */
public record StructureSubDomain(String subDomain, String nameZh, String nameEn, double weight, WeightSource weightSource) {
}
