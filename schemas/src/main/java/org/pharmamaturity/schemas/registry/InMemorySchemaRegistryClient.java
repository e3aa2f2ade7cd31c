package org.pharmamaturity.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

/**
 * A schema registry kept in the JVM, behaving like Confluent's for the calls of {@link SchemaRegistryClient}:
 * ids are registry-wide and the same schema text gets the same id under every subject, subjects keep versions,
 * and registering checks the subject's compatibility rule (default {@link CompatibilityLevel#BACKWARD}, as in
 * Confluent's registry). For unit tests, e.g. with {@code TopologyTestDriver}: pass an instance to the serde, or
 * configure {@code schema.registry.url=mock://<scope>} so every serde of that scope shares
 * {@link #forScope(String)}.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private final CompatibilityLevel defaultLevel;
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final Map<String, List<Version>> versionsBySubject = new HashMap<>();
    private final Map<String, CompatibilityLevel> levelsBySubject = new HashMap<>();

    /** An empty registry whose subjects default to {@link CompatibilityLevel#BACKWARD}. */
    public InMemorySchemaRegistryClient() {
        this(CompatibilityLevel.BACKWARD);
    }

    /** An empty registry whose subjects default to the given rule. */
    public InMemorySchemaRegistryClient(CompatibilityLevel defaultLevel) {
        this.defaultLevel = defaultLevel;
    }

    /** The shared registry of a {@code mock://<scope>} URL, created on first use. */
    public static InMemorySchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient());
    }

    /** Forgets the shared registry of the scope, so the next test starts empty. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        String text = schema.toString();
        List<Version> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        for (Version version : versions) {
            if (version.text().equals(text)) {
                return version.id();
            }
        }
        List<String> problems = AvroCompatibility.ruleProblems(levelOf(subject), schema,
                versions.stream().map(Version::schema).toList());
        if (!problems.isEmpty()) {
            String message = "Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\", details: " + problems;
            throw new IncompatibleSchemaException("Failed to register schema " + schema.getFullName()
                    + " under subject '" + subject + "': the in-memory registry answered HTTP 409, the schema is"
                    + " incompatible: " + message, 409, message);
        }
        int id = idsBySchemaText.computeIfAbsent(text, t -> {
            int next = schemasById.size() + 1;
            schemasById.put(next, schema);
            return next;
        });
        versions.add(new Version(versions.size() + 1, id, schema, text));
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        String text = schema.toString();
        return versionsOf(subject).stream().filter(v -> v.text().equals(text)).findFirst()
                .orElseThrow(() -> new SchemaNotFoundException("Schema " + schema.getFullName()
                        + " is not registered under subject '" + subject + "' (error code 40403).", 40403))
                .id();
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new UnknownSchemaIdException("The in-memory registry has no schema with id " + id
                    + " (error code 40403).", id);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema getLatestVersion(String subject) {
        List<Version> versions = versionsOf(subject);
        Version latest = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, latest.number(), latest.id(), latest.schema());
    }

    @Override
    public synchronized CompatibilityResult testCompatibility(String subject, Schema schema) {
        List<Schema> existing = versionsBySubject.getOrDefault(subject, List.of()).stream()
                .map(Version::schema).toList();
        List<String> problems = AvroCompatibility.ruleProblems(levelOf(subject), schema, existing);
        return new CompatibilityResult(problems.isEmpty(), problems);
    }

    @Override
    public synchronized Optional<CompatibilityLevel> getCompatibility(String subject) {
        return Optional.ofNullable(levelsBySubject.get(subject));
    }

    @Override
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        levelsBySubject.put(subject, level);
    }

    private CompatibilityLevel levelOf(String subject) {
        return levelsBySubject.getOrDefault(subject, defaultLevel);
    }

    private List<Version> versionsOf(String subject) {
        List<Version> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaNotFoundException("Subject '" + subject + "' not found (error code 40401).", 40401);
        }
        return versions;
    }

    private record Version(int number, int id, Schema schema, String text) {
    }
}
