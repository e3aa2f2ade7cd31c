package org.pharmamaturity.schemas.declaration;

import java.util.List;

import org.pharmamaturity.schemas.avro.ScenarioDeclaration;

/**
 * A scenario declaration read from its JSON or CSV form: the record, and every problem found (one sentence each,
 * starting with the field, e.g. {@code scenarios[1].status: ...}). The record is only to be used when there is no
 * problem.
 */
public record DeclarationReading(ScenarioDeclaration declaration, List<String> problems) {

    public DeclarationReading {
        problems = List.copyOf(problems);
    }

    /** True when the declaration can be published. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
