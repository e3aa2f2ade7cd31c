package org.pharmamaturity.schemas.registry;

/** The registry refused a schema because it breaks the subject's compatibility rule (HTTP 409). */
public final class IncompatibleSchemaException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    private final String registryMessage;

    public IncompatibleSchemaException(String message, int errorCode, String registryMessage) {
        super(message, 409, errorCode);
        this.registryMessage = registryMessage;
    }

    /** The registry's own explanation, verbatim. */
    public String registryMessage() {
        return registryMessage;
    }
}
