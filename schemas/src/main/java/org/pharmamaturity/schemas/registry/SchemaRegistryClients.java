package org.pharmamaturity.schemas.registry;

/** Builds the client a configuration asks for: in-memory for {@code mock://<scope>}, REST otherwise. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    /** The client for the configuration; a mock scope's client is shared by the scope. */
    public static SchemaRegistryClient create(RegistryClientConfig config) {
        return config.mockScope()
                .<SchemaRegistryClient>map(InMemorySchemaRegistryClient::forScope)
                .orElseGet(() -> new RestSchemaRegistryClient(config));
    }
}
