package org.pharmamaturity.schemas.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API (Confluent's registry, or Apicurio's
 * {@code /apis/ccompat/v7}). Schemas by id and ids by (subject, schema) are cached, bounded by
 * {@link RegistryClientConfig#cacheCapacity()}: a schema id never changes its schema, so cached answers stay true.
 * Schemas are always sent as {@link Schema#toString()}, so the same schema gets the same id from every registry.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AVRO = "AVRO";

    private final RegistryHttp http;
    private final BoundedCache<Integer, Schema> schemasById;
    private final BoundedCache<SubjectSchema, Integer> idsBySubjectSchema;

    public RestSchemaRegistryClient(RegistryClientConfig config) {
        this.http = new RegistryHttp(config, JSON);
        this.schemasById = new BoundedCache<>(config.cacheCapacity());
        this.idsBySubjectSchema = new BoundedCache<>(config.cacheCapacity());
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode answer = http.send("POST", "/subjects/" + encode(subject) + "/versions",
                    Map.of("schema", schema.toString()), "register schema " + schema.getFullName()
                            + " under subject '" + subject + "'");
            int id = requiredInt(answer, "id", "registering under subject '" + subject + "'");
            schemasById.put(id, schema);
            return id;
        });
    }

    @Override
    public int getId(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode answer = http.send("POST", "/subjects/" + encode(subject), Map.of("schema", schema.toString()),
                    "look up schema " + schema.getFullName() + " under subject '" + subject + "'");
            int id = requiredInt(answer, "id", "looking up under subject '" + subject + "'");
            schemasById.put(id, schema);
            return id;
        });
    }

    @Override
    public Schema getSchemaById(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            JsonNode answer;
            try {
                answer = http.send("GET", "/schemas/ids/" + id, null, "look up schema id " + id);
            } catch (SchemaNotFoundException e) {
                throw new UnknownSchemaIdException("The schema registry has no schema with id " + id + " ("
                        + e.getMessage() + "). The record was written against another registry, or the registry"
                        + " lost its data (in-memory storage restarted).", id);
            }
            return parseAvro(answer, "schema id " + id);
        });
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        JsonNode answer = http.send("GET", "/subjects/" + encode(subject) + "/versions/latest", null,
                "get the latest version of subject '" + subject + "'");
        String context = "the latest version of subject '" + subject + "'";
        int id = requiredInt(answer, "id", context);
        Schema schema = schemasById.computeIfAbsent(id, key -> parseAvro(answer, context));
        return new RegisteredSchema(answer.path("subject").asText(subject), requiredInt(answer, "version", context),
                id, schema);
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        JsonNode answer;
        try {
            answer = http.send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
                    Map.of("schema", schema.toString()), "check compatibility under subject '" + subject + "'");
        } catch (SchemaNotFoundException e) {
            return new CompatibilityResult(true, List.of());
        }
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(m -> messages.add(m.asText()));
        return new CompatibilityResult(answer.path("is_compatible").asBoolean(false), messages);
    }

    @Override
    public Optional<CompatibilityLevel> getCompatibility(String subject) {
        JsonNode answer;
        try {
            answer = http.send("GET", "/config/" + encode(subject), null,
                    "read the compatibility of subject '" + subject + "'");
        } catch (SchemaNotFoundException e) {
            return Optional.empty();
        }
        // Confluent answers GET with compatibilityLevel; some registries echo the PUT shape (compatibility).
        JsonNode level = answer.has("compatibilityLevel") ? answer.get("compatibilityLevel")
                : answer.path("compatibility");
        return level.isTextual() ? Optional.of(parseLevel(level.asText(), subject)) : Optional.empty();
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        http.send("PUT", "/config/" + encode(subject), Map.of("compatibility", level.name()),
                "set the compatibility of subject '" + subject + "' to " + level);
    }

    private static Schema parseAvro(JsonNode answer, String what) {
        String type = answer.path("schemaType").asText(AVRO);
        if (!AVRO.equals(type)) {
            throw new SchemaRegistryException(what + " is a " + type + " schema; this serde reads Avro only.", 200, 0);
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException("The registry's answer for " + what + " has no schema text: "
                    + RegistryHttp.abbreviate(answer.toString()), 200, 0);
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("The registry returned an Avro schema for " + what
                    + " that does not parse: " + e.getMessage(), 200, 0, e);
        }
    }

    private static int requiredInt(JsonNode answer, String field, String context) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException("The registry's answer when " + context + " has no '" + field + "': "
                    + RegistryHttp.abbreviate(answer.toString()), 200, 0);
        }
        return value.asInt();
    }

    private static CompatibilityLevel parseLevel(String text, String subject) {
        try {
            return CompatibilityLevel.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SchemaRegistryException("Subject '" + subject + "' has compatibility '" + text
                    + "', which is not one of " + List.of(CompatibilityLevel.values()), 200, 0, e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Cache key: a schema's id is per subject only when registering or looking it up under that subject. */
    private record SubjectSchema(String subject, Schema schema) {
    }
}
