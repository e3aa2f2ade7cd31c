package org.pharmamaturity.local;

import java.util.HashMap;
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

    /**
     * Registers every value schema (an already registered one keeps its id) and returns subject to id, in topic order;
     * {@code clientSettings} may add the registry's credentials and trust store.
     */
    static Map<String, Integer> registerValueSchemas(String registryUrl, Map<String, String> clientSettings) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        Map<String, Object> config = new HashMap<>(clientSettings);
        config.put(RegistryClientConfig.SCHEMA_REGISTRY_URL, registryUrl);
        SchemaRegistryClient client = SchemaRegistryClients.create(RegistryClientConfig.from(config));
        for (Topic<?> topic : Topic.all()) {
            ids.put(topic.valueSubject(), client.register(topic.valueSubject(), topic.valueSchema()));
        }
        return ids;
    }
}
