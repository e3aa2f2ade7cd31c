package org.pharmamaturity.schemas.serde;

import org.pharmamaturity.schemas.registry.IncompatibleSchemaException;
import org.pharmamaturity.schemas.registry.InvalidSchemaException;
import org.pharmamaturity.schemas.registry.RegistryUnauthorizedException;
import org.pharmamaturity.schemas.registry.RegistryUnreachableException;
import org.pharmamaturity.schemas.registry.SchemaNotFoundException;
import org.pharmamaturity.schemas.registry.SchemaRegistryException;
import org.pharmamaturity.schemas.registry.UnknownSchemaIdException;
import org.pharmamaturity.schemas.serde.AvroSerdeException.Reason;

/** Builds the serde's exceptions so every message starts the same way: what failed, for which topic. */
final class SerdeErrors {

    private SerdeErrors() {
    }

    static AvroSerdeException serialize(Reason reason, String topic, boolean isKey, Integer schemaId, String detail,
            Throwable cause) {
        return new AvroSerdeException(reason, topic, isKey, schemaId,
                "Cannot serialize the " + part(isKey) + " for topic '" + topic + "': " + detail, cause);
    }

    static AvroSerdeException deserialize(Reason reason, String topic, boolean isKey, Integer schemaId, String detail,
            Throwable cause) {
        return new AvroSerdeException(reason, topic, isKey, schemaId,
                "Cannot deserialize the " + part(isKey) + " of a record of topic '" + topic + "': " + detail, cause);
    }

    /** The serde failure for a registry failure, keeping the registry's message. */
    static AvroSerdeException fromRegistry(SchemaRegistryException e, boolean serializing, String topic,
            boolean isKey, Integer schemaId) {
        Reason reason = reasonFor(e);
        return serializing
                ? serialize(reason, topic, isKey, schemaId, e.getMessage(), e)
                : deserialize(reason, topic, isKey, schemaId, e.getMessage(), e);
    }

    private static Reason reasonFor(SchemaRegistryException e) {
        if (e instanceof UnknownSchemaIdException) {
            return Reason.UNKNOWN_SCHEMA_ID;
        }
        if (e instanceof SchemaNotFoundException) {
            return Reason.SCHEMA_NOT_REGISTERED;
        }
        if (e instanceof RegistryUnreachableException) {
            return Reason.REGISTRY_UNREACHABLE;
        }
        if (e instanceof IncompatibleSchemaException) {
            return Reason.INCOMPATIBLE_SCHEMA;
        }
        if (e instanceof InvalidSchemaException) {
            return Reason.INVALID_SCHEMA;
        }
        if (e instanceof RegistryUnauthorizedException) {
            return Reason.UNAUTHORIZED;
        }
        return Reason.REGISTRY_ERROR;
    }

    private static String part(boolean isKey) {
        return isKey ? "key" : "value";
    }
}
