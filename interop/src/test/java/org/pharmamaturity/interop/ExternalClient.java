package org.pharmamaturity.interop;

import java.nio.file.Path;
import java.util.List;

/** A Kafka + schema-registry client no one here wrote, driven through its script in {@code src/test/<language>}. */
interface ExternalClient {

    /** A short name for topics and messages, e.g. {@code js}. */
    String name();

    /** Fails or skips the test (see {@link InteropPrerequisites}) when the client is not installed. */
    void requireInstalled();

    /**
     * Reads {@code count} records from the start of the topic with the client's Avro deserializer.
     *
     * @return one JSON line per record: {@code {"partition":..,"offset":..,"key":..,"value":{..}}}
     */
    List<String> consume(String bootstrapServers, String registryUrl, String topic, int count);

    /**
     * Writes the records of {@code recordsFile} (a JSON array of {@code {"key":..,"value":{..}}}) with the client's
     * Avro serializer, which registers {@code schemaFile} under {@code <topic>-value} itself.
     */
    void produce(String bootstrapServers, String registryUrl, String topic, Path schemaFile, Path recordsFile);
}
