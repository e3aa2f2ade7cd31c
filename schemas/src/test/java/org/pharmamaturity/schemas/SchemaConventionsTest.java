package org.pharmamaturity.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.junit.jupiter.api.Test;

/** The house rules of the schemas, checked on every topic's record and everything nested in it. */
class SchemaConventionsTest {

    @Test
    void everyRecordEnumAndFieldHasADocString() {
        List<String> undocumented = new ArrayList<>();
        for (Schema named : namedTypesOfAllTopics()) {
            if (isBlank(named.getDoc())) {
                undocumented.add(named.getFullName());
            }
            if (named.getType() == Schema.Type.RECORD) {
                named.getFields().stream().filter(f -> isBlank(f.doc()))
                        .forEach(f -> undocumented.add(named.getFullName() + "." + f.name()));
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyTopicRecordCarriesTheEventHeader() {
        for (Topic<?> topic : Topic.all()) {
            Schema schema = topic.valueSchema();
            assertThat(schema.getField("eventId")).as(topic.name() + " eventId").isNotNull();
            assertThat(schema.getField("eventId").schema().getType()).isEqualTo(Schema.Type.STRING);
            Field eventTime = schema.getField("eventTime");
            assertThat(eventTime).as(topic.name() + " eventTime").isNotNull();
            assertThat(isTimestampMillis(eventTime.schema())).as(topic.name() + " eventTime type").isTrue();
        }
    }

    @Test
    void everyEnterpriseScopedRecordNamesItsEnterprise() {
        // Only the sector statistics and the programme's progress are above a single enterprise.
        Topic.all().stream().filter(t -> t != Topic.MATURITY_SECTOR && t != Topic.MATURITY_PROGRAMME).forEach(topic ->
                assertThat(topic.valueSchema().getField("enterpriseId")).as(topic.name()).isNotNull());
    }

    @Test
    void timeFieldsAreTimestampMillis() {
        List<String> plainLongTimes = new ArrayList<>();
        for (Schema named : namedTypesOfAllTopics()) {
            if (named.getType() != Schema.Type.RECORD) {
                continue;
            }
            for (Field field : named.getFields()) {
                boolean looksLikeATime = field.name().endsWith("At") || field.name().endsWith("Time")
                        || field.name().equals("asOf") || field.name().equals("periodStart")
                        || field.name().equals("sourceTimestamp");
                if (looksLikeATime && !isTimestampMillis(nonNull(field.schema()))) {
                    plainLongTimes.add(named.getFullName() + "." + field.name());
                }
            }
        }
        assertThat(plainLongTimes).isEmpty();
    }

    @Test
    void optionalFieldsAreNullFirstUnionsDefaultingToNull() {
        List<String> wrong = new ArrayList<>();
        for (Schema named : namedTypesOfAllTopics()) {
            if (named.getType() != Schema.Type.RECORD) {
                continue;
            }
            for (Field field : named.getFields()) {
                Schema type = field.schema();
                boolean nullable = type.getType() == Schema.Type.UNION && type.getTypes().stream()
                        .anyMatch(t -> t.getType() == Schema.Type.NULL);
                if (nullable && (type.getTypes().get(0).getType() != Schema.Type.NULL || !field.hasDefaultValue()
                        || field.defaultVal() != org.apache.avro.JsonProperties.NULL_VALUE)) {
                    wrong.add(named.getFullName() + "." + field.name());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyNamedTypeLivesInTheProjectNamespace() {
        assertThat(namedTypesOfAllTopics()).extracting(Schema::getNamespace)
                .containsOnly("org.pharmamaturity.schemas.avro");
    }

    private static boolean isTimestampMillis(Schema schema) {
        return schema.getLogicalType() != null
                && schema.getLogicalType().getName().equals(LogicalTypes.timestampMillis().getName());
    }

    private static Schema nonNull(Schema schema) {
        return schema.getType() == Schema.Type.UNION
                ? schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow()
                : schema;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Every record, enum and fixed reachable from the topics' value schemas, each once. */
    private static List<Schema> namedTypesOfAllTopics() {
        Map<Schema, Boolean> seen = new IdentityHashMap<>();
        List<Schema> named = new ArrayList<>();
        Topic.all().forEach(topic -> collect(topic.valueSchema(), seen, named));
        return named;
    }

    private static void collect(Schema schema, Map<Schema, Boolean> seen, List<Schema> named) {
        if (seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        switch (schema.getType()) {
            case RECORD -> {
                named.add(schema);
                schema.getFields().forEach(f -> collect(f.schema(), seen, named));
            }
            case ENUM, FIXED -> named.add(schema);
            case ARRAY -> collect(schema.getElementType(), seen, named);
            case MAP -> collect(schema.getValueType(), seen, named);
            case UNION -> schema.getTypes().forEach(t -> collect(t, seen, named));
            default -> {
                // primitives have no name and no doc of their own
            }
        }
    }
}
