package org.pharmamaturity.embedded;

import java.nio.file.Path;
import java.util.List;

/** Where the Apicurio registry keeps its schemas: in memory (lost on stop) or in an H2 database file. */
public sealed interface RegistryStorage {

    /** The registry's own default, an in-memory H2 database: fast, and empty after every restart. */
    static RegistryStorage inMemory() {
        return new InMemory();
    }

    /** An H2 database under {@code directory}, so schema ids survive restarts (records in Kafka keep resolving). */
    static RegistryStorage file(Path directory) {
        return new File(directory.toAbsolutePath());
    }

    /** The JVM system properties that select this storage. */
    List<String> systemProperties();

    /** In-memory storage. */
    record InMemory() implements RegistryStorage {
        @Override
        public List<String> systemProperties() {
            return List.of();
        }
    }

    /** File storage under a directory. */
    record File(Path directory) implements RegistryStorage {
        @Override
        public List<String> systemProperties() {
            return List.of("-Dapicurio.datasource.url=jdbc:h2:file:" + directory.resolve("registry"));
        }
    }
}
