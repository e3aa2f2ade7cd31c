package org.pharmamaturity.evaluation.tier;

import java.util.function.Function;

import org.pharmamaturity.evaluation.json.DataFileReader;

/**
 * Reads a tier-conditions file (defined by the JSON Schema {@value #SCHEMA}) into validated {@link TierConditions},
 * reporting every problem at once.
 */
public final class TierConditionsReader {

    /** The built-in 2025 conditions. */
    public static final String BUILT_IN = "smart-factory-tiers-2025";
    /** The JSON Schema of tier-conditions files, a resource of this module. */
    public static final String SCHEMA = "/json-schema/tier-conditions.schema.json";

    private static final DataFileReader<TierConditions, TierConditions> READER = new DataFileReader<>(
            "tier conditions", "/tiers/", SCHEMA, TierConditions.class, Function.identity());

    private TierConditionsReader() {
    }

    /** The built-in conditions {@value #BUILT_IN}. */
    public static TierConditions builtIn() {
        return READER.builtIn(BUILT_IN);
    }

    /** Reads and validates {@code json}; {@code source} names the file in messages. */
    public static TierConditions read(String json, String source) {
        return READER.read(json, source);
    }
}
