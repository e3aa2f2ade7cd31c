package org.pharmamaturity.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The unpacked Apicurio Registry fast-jar distribution ({@code quarkus-run.jar} plus its {@code lib/} folders),
 * which the embedded module's build unpacks from {@code io.apicurio:apicurio-registry-app:<version>:tar.gz:all}.
 */
public record ApicurioDistribution(Path home) {

    /** The Apicurio Registry release the project runs; the embedded module's pom unpacks the same one. */
    public static final String VERSION = "3.3.3";

    /** System property naming the folder that holds {@code quarkus-run.jar}. */
    public static final String HOME_PROPERTY = "apicurio.home";

    private static final Path RELATIVE_DEFAULT = Path.of("embedded", "target", "apicurio-registry-" + VERSION);

    /**
     * The folder named by {@code -Dapicurio.home}, else the build tree's default folder found by walking up
     * from the working directory (so an IDE run from any module finds it), else that default relative to the
     * working directory (which {@link #runnerJar()} then reports as missing).
     */
    public static ApicurioDistribution fromSystemProperty() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new ApicurioDistribution(Path.of(configured));
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        return new ApicurioDistribution(findUpwards(workingDirectory).orElse(workingDirectory.resolve(RELATIVE_DEFAULT)));
    }

    private static Optional<Path> findUpwards(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(RELATIVE_DEFAULT).resolve("quarkus-run.jar"))) {
                return Optional.of(dir.resolve(RELATIVE_DEFAULT));
            }
        }
        return Optional.empty();
    }

    /** The launcher jar, or an exception that says how to obtain the distribution. */
    public Path runnerJar() {
        Path jar = home.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new EmbeddedStackException("Apicurio Registry " + VERSION + " distribution not found: " + jar
                    + " does not exist. Build the embedded module once (`./mvnw -pl embedded generate-resources`"
                    + " unpacks io.apicurio:apicurio-registry-app:" + VERSION + ":tar.gz:all there) or point -D"
                    + HOME_PROPERTY + " at an unpacked distribution.");
        }
        return jar;
    }
}
