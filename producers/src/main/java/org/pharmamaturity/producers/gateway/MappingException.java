package org.pharmamaturity.producers.gateway;

import org.pharmamaturity.producers.ProducersException;

/** A mapping file that cannot be used: the message names the file, the rule and what to change. */
public final class MappingException extends ProducersException {

    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }
}
