package org.pharmamaturity.evaluation.scoring;

/**
 * Whether the CMMM condition of the national smart-factory tiers (基础级 basic, 先进级 advanced: CMMM level 2 or
 * more) is met by the verified view. A necessary condition only: the tiers have further conditions outside CMMM.
 */
public record Tiers(boolean basic, boolean advanced) {
}
