package org.pharmamaturity.evaluation.model;

/**
 * A main techno-economic indicator (主要技术经济指标) the smart-factory tiers compare with the enterprise's sector:
 * basic needs it better than the sector median, advanced in the sector's best quarter.
 */
public record KeyIndicator(String indicator, BetterDirection better) {
}
