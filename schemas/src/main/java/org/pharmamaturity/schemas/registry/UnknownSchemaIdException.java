package org.pharmamaturity.schemas.registry;

/** The registry has no schema with the id a record carries (404, error code 40403). */
public final class UnknownSchemaIdException extends SchemaNotFoundException {

    private static final long serialVersionUID = 1L;

    private final int schemaId;

    public UnknownSchemaIdException(String message, int schemaId) {
        super(message, 40403);
        this.schemaId = schemaId;
    }

    /** The id that is unknown. */
    public int schemaId() {
        return schemaId;
    }
}
