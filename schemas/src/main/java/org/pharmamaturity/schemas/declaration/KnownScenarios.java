package org.pharmamaturity.schemas.declaration;

import java.util.Optional;

/**
 * What the declaration rules need of a scenario catalogue: its version and whether it knows a scenario id.
 * {@link #unchecked()} stands for "no catalogue at hand": no version to match and no id refused.
 */
public interface KnownScenarios {

    /** The catalogue's version, e.g. {@code scenarios-2025}; empty when there is no catalogue to check against. */
    Optional<String> catalogueVersion();

    /** True when the catalogue has a scenario of that id. */
    boolean knows(String scenarioId);

    /** No catalogue: every id passes. */
    static KnownScenarios unchecked() {
        return new KnownScenarios() {
            @Override
            public Optional<String> catalogueVersion() {
                return Optional.empty();
            }

            @Override
            public boolean knows(String scenarioId) {
                return true;
            }
        };
    }
}
