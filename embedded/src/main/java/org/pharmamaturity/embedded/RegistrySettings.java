package org.pharmamaturity.embedded;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the Apicurio registry child process.
 *
 * @param distribution   the unpacked registry
 * @param httpPort       the HTTP port (Confluent API under {@code /apis/ccompat/v7}); 0 picks a free one
 * @param managementPort Quarkus' management port (health, metrics); 0 picks a free one
 * @param storage        in memory or in a file
 * @param logFile        where the child's standard output and error go
 * @param startupTimeout how long to wait for the registry to answer before giving up
 * @param access         plain HTTP for anyone, or HTTPS with basic auth
 */
public record RegistrySettings(ApicurioDistribution distribution, int httpPort, int managementPort,
                               RegistryStorage storage, Path logFile, Duration startupTimeout, RegistryAccess access) {

    /** Generous because the first start on a busy two-core machine has been measured at over 10 s. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(3);

    /** Free ports, in-memory storage, log under {@code target/}: what tests use. */
    public static RegistrySettings forTests() {
        return new RegistrySettings(ApicurioDistribution.fromSystemProperty(), 0, 0, RegistryStorage.inMemory(),
                Path.of("target", "apicurio-registry.log").toAbsolutePath(), DEFAULT_STARTUP_TIMEOUT, RegistryAccess.open());
    }

    /** A copy with other ports. */
    public RegistrySettings withPorts(int newHttpPort, int newManagementPort) {
        return new RegistrySettings(distribution, newHttpPort, newManagementPort, storage, logFile, startupTimeout, access);
    }

    /** A copy with other storage. */
    public RegistrySettings withStorage(RegistryStorage newStorage) {
        return new RegistrySettings(distribution, httpPort, managementPort, newStorage, logFile, startupTimeout, access);
    }

    /** A copy with another distribution folder. */
    public RegistrySettings withDistribution(ApicurioDistribution newDistribution) {
        return new RegistrySettings(newDistribution, httpPort, managementPort, storage, logFile, startupTimeout, access);
    }

    /** A copy with another log file. */
    public RegistrySettings withLogFile(Path newLogFile) {
        return new RegistrySettings(distribution, httpPort, managementPort, storage, newLogFile, startupTimeout, access);
    }

    /** A copy with other access rules. */
    public RegistrySettings withAccess(RegistryAccess newAccess) {
        return new RegistrySettings(distribution, httpPort, managementPort, storage, logFile, startupTimeout, newAccess);
    }
}
