package org.pharmamaturity.producers;

import java.util.List;

import org.pharmamaturity.schemas.Topic;

/** The pipeline's input topics, the ones producers write to (DESIGN.md section 5, up to the outputs). */
public final class InputTopics {

    /** Every input topic, reference data first. */
    public static final List<Topic<?>> ALL = Topic.inputs();

    private InputTopics() {
    }
}
