package org.pharmamaturity.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The in-memory registry behaves like Confluent's for ids, versions and compatibility. */
class InMemorySchemaRegistryClientTest {

    private static final Schema V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "Order", "namespace": "test", "fields": [{"name": "id", "type": "string"}]}""");
    private static final Schema V2_WITH_DEFAULT = new Schema.Parser().parse("""
            {"type": "record", "name": "Order", "namespace": "test", "fields": [{"name": "id", "type": "string"},
              {"name": "qty", "type": "int", "default": 1}]}""");
    private static final Schema V2_WITHOUT_DEFAULT = new Schema.Parser().parse("""
            {"type": "record", "name": "Order", "namespace": "test", "fields": [{"name": "id", "type": "string"},
              {"name": "qty", "type": "int"}]}""");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void sameSchemaGetsTheSameIdUnderEverySubjectAndVersionsCount() {
        int first = registry.register("a-value", V1);

        assertThat(registry.register("a-value", V1)).isEqualTo(first);
        assertThat(registry.register("b-value", V1)).isEqualTo(first);
        int second = registry.register("a-value", V2_WITH_DEFAULT);

        assertThat(second).isEqualTo(first + 1);
        assertThat(registry.getLatestVersion("a-value")).isEqualTo(new RegisteredSchema("a-value", 2, second,
                V2_WITH_DEFAULT));
        assertThat(registry.getId("b-value", V1)).isEqualTo(first);
        assertThat(registry.getSchemaById(second)).isEqualTo(V2_WITH_DEFAULT);
    }

    @Test
    void backwardByDefaultRefusesANewFieldWithoutDefault() {
        registry.register("a-value", V1);

        assertThat(registry.testCompatibility("a-value", V2_WITHOUT_DEFAULT).compatible()).isFalse();
        assertThatThrownBy(() -> registry.register("a-value", V2_WITHOUT_DEFAULT))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class,
                        e -> assertThat(e.registryMessage()).contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                                .contains("qty"));
    }

    @Test
    void subjectRuleOverridesTheDefault() {
        registry.register("a-value", V1);
        registry.setCompatibility("a-value", CompatibilityLevel.NONE);

        assertThat(registry.getCompatibility("a-value")).contains(CompatibilityLevel.NONE);
        assertThat(registry.register("a-value", V2_WITHOUT_DEFAULT)).isPositive();
    }

    @Test
    void unknownThingsAreTypedNotFound() {
        assertThatThrownBy(() -> registry.getSchemaById(42)).isInstanceOf(UnknownSchemaIdException.class);
        assertThatThrownBy(() -> registry.getLatestVersion("nothing-value"))
                .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        registry.register("a-value", V1);
        assertThatThrownBy(() -> registry.getId("a-value", V2_WITH_DEFAULT))
                .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThat(registry.getCompatibility("a-value")).isEmpty();
    }
}
