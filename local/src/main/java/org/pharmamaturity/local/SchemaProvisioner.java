package org.pharmamaturity.local;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.registry.RegistryClientConfig;
import org.pharmamaturity.schemas.registry.SchemaRegistryClient;
import org.pharmamaturity.schemas.registry.SchemaRegistryClients;

/** Registers the value schema of every topic of {@link Topic#all()} under {@code <topic>-value}. */
final class SchemaProvisioner {

    private SchemaProvisioner() {
    }

    /** Registers every value schema (an already registered one keeps its id) and returns subject to id, in topic order. */
    static Map<String, Integer> registerValueSchemas(String registryUrl) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        SchemaRegistryClient client = SchemaRegistryClients.create(
                RegistryClientConfig.from(Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, registryUrl)));
        for (Topic<?> topic : Topic.all()) {
            ids.put(topic.valueSubject(), client.register(topic.valueSubject(), topic.valueSchema()));
        }
        return ids;
    }
}
