package org.pharmamaturity.evaluation.kpi;

import java.util.OptionalDouble;
import java.util.Set;

/**
 * OEE and its components; a component is empty when undefined (e.g. performance without RUNNING time).
 * {@code coverage} is the share of the window in which the equipment's state was known.
 */
public record OeeResult(OptionalDouble availability, OptionalDouble performance, OptionalDouble quality,
                        OptionalDouble oee, double coverage, Set<OeeFlag> flags) {

    public OeeResult {
        flags = Set.copyOf(flags);
    }
}
