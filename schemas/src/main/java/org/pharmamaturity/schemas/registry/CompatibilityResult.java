package org.pharmamaturity.schemas.registry;

import java.util.List;

/**
 * The answer to a compatibility check.
 *
 * @param compatible whether the schema passes the subject's rule
 * @param messages the registry's explanations when it gave any (empty when compatible)
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {

    public CompatibilityResult {
        messages = List.copyOf(messages);
    }
}
