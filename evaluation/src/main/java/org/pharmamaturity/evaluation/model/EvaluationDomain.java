package org.pharmamaturity.evaluation.model;

import java.util.List;

/**
 * One of the five evaluation domains (评估域: 组织战略, 工厂建设, 研发设计, 生产作业, 业务运营) that carry the weights by
 * manufacturing type, with the sub-domains grouped into it. The weight is split equally among its sub-domains:
 * each takes {@code weight / subDomains.size()} as its effective weight W(d). {@code source} names where the
 * weight comes from; the grouping itself is the model's own (see its description).
 */
public record EvaluationDomain(
        String evaluationDomain, String nameZh, String nameEn, double weight, WeightSource weightSource,
        String source, List<String> subDomains) {

    public EvaluationDomain {
        subDomains = List.copyOf(subDomains);
    }
}
