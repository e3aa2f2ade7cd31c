package org.pharmamaturity.schemas.serde;

import java.util.Map;

import org.pharmamaturity.schemas.registry.RegistryClientConfig;
import org.pharmamaturity.schemas.registry.SchemaRegistryClient;
import org.pharmamaturity.schemas.registry.SchemaRegistryClients;

/** The registry client a serializer or deserializer uses: the one injected, or one built from its config. */
final class RegistryConnection {

    private final SchemaRegistryClient injected;
    private volatile SchemaRegistryClient client;

    private RegistryConnection(SchemaRegistryClient injected) {
        this.injected = injected;
        this.client = injected;
    }

    /** Uses the given client; the config's registry keys are then not needed. */
    static RegistryConnection injected(SchemaRegistryClient client) {
        if (client == null) {
            throw new IllegalArgumentException("registry client is null; use the no-argument constructor to build"
                    + " one from schema.registry.url");
        }
        return new RegistryConnection(client);
    }

    /** Builds the client from the config passed to {@link #configure(Map)}. */
    static RegistryConnection fromConfig() {
        return new RegistryConnection(null);
    }

    void configure(Map<String, ?> configs) {
        if (injected == null) {
            client = SchemaRegistryClients.create(RegistryClientConfig.from(configs));
        }
    }

    SchemaRegistryClient client() {
        SchemaRegistryClient current = client;
        if (current == null) {
            throw new IllegalStateException("The serde has no registry client: call configure(configs, isKey) with"
                    + " schema.registry.url first, or construct it with a SchemaRegistryClient.");
        }
        return current;
    }
}
