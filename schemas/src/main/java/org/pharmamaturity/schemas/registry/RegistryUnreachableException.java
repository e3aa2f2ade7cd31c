package org.pharmamaturity.schemas.registry;

/** No registry URL answered (connection refused, timeout, DNS failure) after every retry. */
public final class RegistryUnreachableException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public RegistryUnreachableException(String message, Throwable cause) {
        super(message, 0, 0, cause);
    }
}
