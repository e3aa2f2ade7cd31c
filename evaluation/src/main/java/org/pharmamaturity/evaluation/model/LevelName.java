package org.pharmamaturity.evaluation.model;

/** The name and characteristic of one maturity level (GB/T 39116 clause 5), for people reading a model. */
public record LevelName(int level, String nameZh, String nameEn, String characteristic) {
}
