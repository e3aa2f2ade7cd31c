package org.pharmamaturity.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.pharmamaturity.schemas.registry.AvroCompatibility;

/**
 * The schemas of past releases, kept in {@code src/test/resources/released/<version>/<record full name>.avsc},
 * each self-contained (nested types inlined) as the registry stores it, and the check that the current schemas
 * can read data written with every one of them.
 *
 * <p>To release, from the repository root: {@code ./mvnw -pl schemas test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.pharmamaturity.schemas.ReleasedSchemas
 * -Dexec.args=schemas/src/test/resources/released/v2}. Released files are never edited.
 */
public final class ReleasedSchemas {

    private ReleasedSchemas() {
    }

    /** Writes the current topic value schemas into a new release directory; refuses to overwrite one. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ReleasedSchemas <directory of the new release, e.g."
                    + " schemas/src/test/resources/released/v2>");
        }
        Path target = Path.of(args[0]);
        if (Files.exists(target)) {
            throw new IllegalStateException(target.toAbsolutePath() + " exists; released schemas are never changed");
        }
        Files.createDirectories(target);
        for (Schema schema : current().values()) {
            Files.writeString(target.resolve(schema.getFullName() + ".avsc"),
                    SchemaFormatter.format("json/pretty", schema) + "\n");
        }
        System.out.println("Wrote " + current().size() + " schemas to " + target.toAbsolutePath());
    }

    /** The schemas of the topics as they are now, by record full name. */
    static Map<String, Schema> current() {
        Map<String, Schema> schemas = new TreeMap<>();
        Topic.all().forEach(topic -> schemas.put(topic.valueSchema().getFullName(), topic.valueSchema()));
        return schemas;
    }

    /** Every released version (directory name) with its schemas by record full name, from the test classpath. */
    static Map<String, Map<String, Schema>> released() {
        try {
            Path root = Path.of(ReleasedSchemas.class.getResource("/released").toURI());
            Map<String, Map<String, Schema>> versions = new TreeMap<>();
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    versions.put(dir.getFileName().toString(), load(dir));
                }
            }
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What breaks backward compatibility between one release and the current schemas: a released record that no
     * longer exists, or one the current schema cannot read. Empty when nothing does.
     */
    static List<String> problems(String version, Map<String, Schema> released, Map<String, Schema> current) {
        List<String> problems = new ArrayList<>();
        released.forEach((name, old) -> {
            Schema now = current.get(name);
            if (now == null) {
                problems.add(name + " was released in " + version + " and no topic carries it any more");
            } else {
                AvroCompatibility.readProblems(now, old).forEach(p ->
                        problems.add(name + " cannot read data written with its " + version + " schema: " + p));
            }
        });
        return problems;
    }

    private static Map<String, Schema> load(Path dir) throws IOException {
        Map<String, Schema> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                // A parser per file: each released schema stands alone, as in the registry.
                Schema schema = new Schema.Parser().parse(Files.readString(file));
                schemas.put(schema.getFullName(), schema);
            }
        }
        return schemas;
    }
}
