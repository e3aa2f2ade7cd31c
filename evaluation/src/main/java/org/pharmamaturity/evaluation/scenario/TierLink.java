package org.pharmamaturity.evaluation.scenario;

/**
 * One of the five links (环节) the smart-factory tiers ask to be covered: 工厂建设, 研发设计, 生产作业, 生产管理, 运营管理.
 * Scenarios count for them through their catalogue link.
 */
public record TierLink(String tierLink, String nameZh, String nameEn) {
}
