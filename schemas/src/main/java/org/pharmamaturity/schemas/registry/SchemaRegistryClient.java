package org.pharmamaturity.schemas.registry;

import java.util.Optional;

import org.apache.avro.Schema;

/**
 * The calls of the Confluent Schema Registry API the serde and the tools need. Implementations are thread-safe and
 * hold no resources that need closing;
 * {@link RestSchemaRegistryClient} talks to a real registry over HTTP, {@link InMemorySchemaRegistryClient}
 * keeps everything in the JVM for unit tests. Every method throws a {@link SchemaRegistryException} subclass
 * saying what went wrong.
 */
public interface SchemaRegistryClient {

    /**
     * Registers the schema under the subject (or finds it when already there) and returns its id.
     *
     * @throws IncompatibleSchemaException when the subject's compatibility rule refuses it
     * @throws InvalidSchemaException when the registry cannot accept the schema
     */
    int register(String subject, Schema schema);

    /**
     * The id of a schema already registered under the subject, without registering it.
     *
     * @throws SchemaNotFoundException when the subject or the schema under it does not exist
     */
    int getId(String subject, Schema schema);

    /**
     * The schema with this id.
     *
     * @throws UnknownSchemaIdException when the registry has no such id
     */
    Schema getSchemaById(int id);

    /**
     * The latest version of the subject.
     *
     * @throws SchemaNotFoundException when the subject does not exist
     */
    RegisteredSchema getLatestVersion(String subject);

    /**
     * Whether the schema passes the subject's compatibility rule against its latest version; a subject without
     * versions accepts any schema.
     */
    CompatibilityResult testCompatibility(String subject, Schema schema);

    /** The compatibility rule set on the subject itself; empty when the subject follows the global rule. */
    Optional<CompatibilityLevel> getCompatibility(String subject);

    /** Sets the subject's compatibility rule. */
    void setCompatibility(String subject, CompatibilityLevel level);
}
