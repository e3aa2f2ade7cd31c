package org.pharmamaturity.schemas.registry;

/**
 * The registry answered 404: the subject (error code 40401), the version (40402) or the schema (40403) does not
 * exist.
 */
public class SchemaNotFoundException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public SchemaNotFoundException(String message, int errorCode) {
        super(message, 404, errorCode);
    }
}
