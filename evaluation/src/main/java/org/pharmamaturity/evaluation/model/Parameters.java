package org.pharmamaturity.evaluation.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring parameters of a model: grade values, pass mark, cumulation rule and the score-to-level table
 * ({@code levelThresholds[i]} is the lowest S of level i + 1). {@code levels} and {@code source} are
 * descriptive and may be null.
 */
public record Parameters(
        Map<Grade, Double> grades,
        double passMark,
        CumulationRule cumulationRule,
        List<Double> levelThresholds,
        List<LevelName> levels,
        String source) {

    public Parameters {
        EnumMap<Grade, Double> ordered = new EnumMap<>(Grade.class);
        ordered.putAll(grades);
        grades = Collections.unmodifiableMap(ordered);
        levelThresholds = List.copyOf(levelThresholds);
        levels = levels == null ? null : List.copyOf(levels);
    }

    /** The value of a scored grade. */
    public double valueOf(Grade grade) {
        Double value = grades.get(grade);
        if (value == null) {
            throw new IllegalArgumentException(grade + " has no value: only FULL, LARGELY, PARTLY and NONE are scored");
        }
        return value;
    }
}
