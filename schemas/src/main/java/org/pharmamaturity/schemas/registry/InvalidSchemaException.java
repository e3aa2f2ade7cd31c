package org.pharmamaturity.schemas.registry;

/** The registry could not parse or accept the schema it was sent (HTTP 422, e.g. error code 42201). */
public final class InvalidSchemaException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public InvalidSchemaException(String message, int errorCode) {
        super(message, 422, errorCode);
    }
}
