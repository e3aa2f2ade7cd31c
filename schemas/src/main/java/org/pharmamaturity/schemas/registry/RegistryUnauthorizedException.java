package org.pharmamaturity.schemas.registry;

/** The registry refused the credentials (HTTP 401) or the operation for them (HTTP 403). */
public final class RegistryUnauthorizedException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public RegistryUnauthorizedException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode);
    }
}
