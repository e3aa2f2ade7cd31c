package org.pharmamaturity.schemas.registry;

/**
 * A call to the schema registry failed. Subclasses name the failures a caller can act on; this class itself
 * covers the rest (an unexpected HTTP status, a response that is not the Confluent API's JSON).
 */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** HTTP status of the registry's answer, or 0 when there was no answer. */
    private final int httpStatus;
    /** The registry's own {@code error_code} (e.g. 40403), or 0 when it gave none. */
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        this(message, httpStatus, errorCode, null);
    }

    /** HTTP status of the registry's answer, or 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's own {@code error_code} (e.g. 40403 for an unknown schema id), or 0 when it gave none. */
    public int errorCode() {
        return errorCode;
    }
}
