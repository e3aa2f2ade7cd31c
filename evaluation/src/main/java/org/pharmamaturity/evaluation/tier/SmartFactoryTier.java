package org.pharmamaturity.evaluation.tier;

import com.fasterxml.jackson.annotation.JsonValue;

/** The four national smart-factory tiers (智能工厂梯度培育), lowest first. */
public enum SmartFactoryTier {
    BASIC("basic", "基础级"),
    ADVANCED("advanced", "先进级"),
    EXCELLENT("excellent", "卓越级"),
    LEADING("leading", "领航级");

    private final String id;
    private final String nameZh;

    SmartFactoryTier(String id, String nameZh) {
        this.id = id;
        this.nameZh = nameZh;
    }

    /** The spelling in files and outputs: basic, advanced, excellent, leading. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The Chinese name of the tier. */
    public String nameZh() {
        return nameZh;
    }
}
