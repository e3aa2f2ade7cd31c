package org.pharmamaturity.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The release check is not a formality: each kind of breaking change is caught, a compatible one is not. */
class ReleasedSchemasCheckTest {

    private static final String TELEMETRY = "org.pharmamaturity.schemas.avro.EquipmentTelemetry";
    private static final Map<String, Schema> V1 = ReleasedSchemas.released().get("v1");

    @Test
    void aFieldAddedWithoutDefaultIsCaught() {
        List<String> problems = checkWithChangedTelemetry(
                "{\"name\":\"tag\"", "{\"name\":\"line\",\"type\":\"string\"},{\"name\":\"tag\"");

        assertThat(problems).singleElement().asString()
                .contains(TELEMETRY, "READER_FIELD_MISSING_DEFAULT_VALUE", "line");
    }

    @Test
    void aRetypedFieldIsCaught() {
        List<String> problems = checkWithChangedTelemetry(
                "{\"name\":\"value\",\"type\":\"double\"", "{\"name\":\"value\",\"type\":\"string\"");

        assertThat(problems).singleElement().asString().contains("TYPE_MISMATCH", "value");
    }

    @Test
    void aRemovedEnumSymbolWithoutDefaultIsCaught() {
        List<String> problems = checkWithChangedTelemetry(
                "\"symbols\":[\"GOOD\",\"UNCERTAIN\",\"BAD\"]", "\"symbols\":[\"GOOD\",\"BAD\"]");

        assertThat(problems).singleElement().asString().contains("MISSING_ENUM_SYMBOLS", "UNCERTAIN");
    }

    @Test
    void aDisappearedRecordIsCaught() {
        Map<String, Schema> current = new HashMap<>(ReleasedSchemas.current());
        current.remove(TELEMETRY);

        assertThat(ReleasedSchemas.problems("v1", V1, current)).singleElement().asString()
                .contains(TELEMETRY, "no topic carries it");
    }

    @Test
    void aFieldAddedWithDefaultPasses() {
        List<String> problems = checkWithChangedTelemetry(
                "{\"name\":\"tag\"",
                "{\"name\":\"line\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"tag\"");

        assertThat(problems).isEmpty();
    }

    /** Runs the check with the current EquipmentTelemetry schema edited as text. */
    private static List<String> checkWithChangedTelemetry(String find, String replacement) {
        String text = ReleasedSchemas.current().get(TELEMETRY).toString();
        assertThat(text).as("the edit must apply").contains(find);
        Map<String, Schema> current = new HashMap<>(ReleasedSchemas.current());
        current.put(TELEMETRY, new Schema.Parser().parse(text.replace(find, replacement)));
        return ReleasedSchemas.problems("v1", V1, current);
    }
}
