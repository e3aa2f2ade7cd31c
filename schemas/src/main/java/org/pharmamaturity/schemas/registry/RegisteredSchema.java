package org.pharmamaturity.schemas.registry;

import org.apache.avro.Schema;

/**
 * One version of a subject in the registry.
 *
 * @param subject the subject, e.g. {@code factory.equipment.telemetry-value}
 * @param version the version number within the subject, from 1
 * @param id the registry-wide schema id that records carry in their header
 * @param schema the parsed Avro schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
}
