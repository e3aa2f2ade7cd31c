package org.pharmamaturity.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a {@code java} executable of a minimum feature version for a child process: the running JVM if it is
 * recent enough, else {@code JAVA_HOME}, else the newest JDK under a scan root such as {@code /usr/lib/jvm}.
 */
public final class JavaRuntimeLocator {

    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([0-9]+)(?:\\.([0-9]+))?");

    private final Path runningHome;
    private final int runningFeature;
    private final Optional<Path> javaHome;
    private final Path scanRoot;

    /**
     * @param runningHome    {@code java.home} of the running JVM
     * @param runningFeature feature version of the running JVM (e.g. 17)
     * @param javaHome       the {@code JAVA_HOME} environment variable, if set
     * @param scanRoot       a folder holding one JDK per sub-folder
     */
    public JavaRuntimeLocator(Path runningHome, int runningFeature, Optional<Path> javaHome, Path scanRoot) {
        this.runningHome = runningHome;
        this.runningFeature = runningFeature;
        this.javaHome = javaHome;
        this.scanRoot = scanRoot;
    }

    /** A locator for this process: its own JVM, its {@code JAVA_HOME}, and {@code /usr/lib/jvm}. */
    public static JavaRuntimeLocator forThisProcess() {
        return new JavaRuntimeLocator(Path.of(System.getProperty("java.home")), Runtime.version().feature(),
                Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of),
                Path.of("/usr/lib/jvm"));
    }

    /**
     * The {@code bin/java} of the first JDK of at least {@code minimumFeature}, or an exception that lists what
     * was looked at and what to install or set.
     *
     * @param purpose what the JDK is for, used in the error message
     */
    public Path locate(int minimumFeature, String purpose) {
        if (runningFeature >= minimumFeature && isExecutable(javaIn(runningHome))) {
            return javaIn(runningHome);
        }
        if (javaHome.isPresent() && featureOf(javaHome.get()).orElse(0) >= minimumFeature
                && isExecutable(javaIn(javaHome.get()))) {
            return javaIn(javaHome.get());
        }
        Optional<Path> scanned = newestUnderScanRoot(minimumFeature);
        if (scanned.isPresent()) {
            return javaIn(scanned.get());
        }
        throw new EmbeddedStackException(purpose + " needs Java " + minimumFeature + " or newer, and none was found:"
                + " the running JVM is Java " + runningFeature + " (" + runningHome + "), JAVA_HOME is "
                + javaHome.map(p -> p + " (Java " + describe(featureOf(p)) + ")").orElse("not set")
                + ", and " + scanRoot + " holds no JDK " + minimumFeature + "+. Install one (for example"
                + " `apt-get install openjdk-21-jdk-headless` or a Temurin 21/25 JDK) or point JAVA_HOME at one.");
    }

    private Optional<Path> newestUnderScanRoot(int minimumFeature) {
        if (!Files.isDirectory(scanRoot)) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> children = Files.list(scanRoot)) {
            children.filter(home -> featureOf(home).orElse(0) >= minimumFeature)
                    .filter(home -> isExecutable(javaIn(home)))
                    .forEach(candidates::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list JDKs in " + scanRoot, e);
        }
        // Ties (symlinked aliases of one JDK) are broken by name so the same JDK is chosen every time.
        return candidates.stream().max(Comparator.comparingInt((Path home) -> featureOf(home).orElse(0))
                .thenComparing(Path::toString));
    }

    /** The feature version a JDK folder declares in its {@code release} file (8 for "1.8.0_x"). */
    static OptionalInt featureOf(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return OptionalInt.empty();
        }
        try {
            Matcher m = RELEASE_VERSION.matcher(Files.readString(release));
            if (!m.find()) {
                return OptionalInt.empty();
            }
            int first = Integer.parseInt(m.group(1));
            return OptionalInt.of(first == 1 && m.group(2) != null ? Integer.parseInt(m.group(2)) : first);
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    private static String describe(OptionalInt feature) {
        return feature.isPresent() ? String.valueOf(feature.getAsInt()) : "unknown: no readable release file";
    }

    private static Path javaIn(Path home) {
        return home.resolve("bin").resolve("java");
    }

    private static boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
