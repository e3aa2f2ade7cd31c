package org.pharmamaturity.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.testing.EmbeddedStack;

/** The REST client against a real registry: Apicurio 3.3.3's Confluent API, shared by the test JVM. */
@Tag("integration")
class RestSchemaRegistryClientApicurioTest {

    private static final Schema V1 = parse("""
            {"type": "record", "name": "Order", "namespace": "it",
             "fields": [{"name": "id", "type": "string"}]}""");
    private static final Schema V2_WITH_DEFAULT = parse("""
            {"type": "record", "name": "Order", "namespace": "it",
             "fields": [{"name": "id", "type": "string"}, {"name": "qty", "type": "int", "default": 1}]}""");
    private static final Schema V2_WITHOUT_DEFAULT = parse("""
            {"type": "record", "name": "Order", "namespace": "it",
             "fields": [{"name": "id", "type": "string"}, {"name": "qty", "type": "int"}]}""");

    private static RestSchemaRegistryClient client;

    @BeforeAll
    static void connect() {
        client = new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                "schema.registry.url", EmbeddedStack.shared().registryUrl())));
    }

    @Test
    void registersLooksUpAndListsVersions() {
        String subject = uniqueSubject();

        int v1 = client.register(subject, V1);
        int v2 = client.register(subject, V2_WITH_DEFAULT);

        assertThat(v2).isNotEqualTo(v1);
        assertThat(client.getSchemaById(v1)).isEqualTo(V1);
        assertThat(client.getLatestVersion(subject)).isEqualTo(new RegisteredSchema(subject, 2, v2, V2_WITH_DEFAULT));
        RestSchemaRegistryClient fresh = freshClient(); // no cache: the registry must answer
        assertThat(fresh.getId(subject, V1)).isEqualTo(v1);
        assertThat(fresh.register(subject, V1)).isEqualTo(v1);
        assertThat(fresh.getSchemaById(v2)).isEqualTo(V2_WITH_DEFAULT);
    }

    @Test
    void sameSchemaUnderTwoSubjectsGetsOneId() {
        Schema distinct = parse(V1.toString().replace("\"Order\"", "\"Shared" + Math.abs(UUID.randomUUID()
                .getMostSignificantBits()) + "\""));

        assertThat(client.register(uniqueSubject(), distinct)).isEqualTo(freshClient().register(uniqueSubject(),
                distinct));
    }

    @Test
    void incompatibleSchemaIsRefusedWithTheRegistrysMessage() {
        String subject = uniqueSubject();
        client.register(subject, V1);
        client.setCompatibility(subject, CompatibilityLevel.BACKWARD);

        assertThat(client.getCompatibility(subject)).contains(CompatibilityLevel.BACKWARD);
        assertThat(client.testCompatibility(subject, V2_WITHOUT_DEFAULT).compatible()).isFalse();
        assertThat(client.testCompatibility(subject, V2_WITH_DEFAULT).compatible()).isTrue();
        assertThatThrownBy(() -> client.register(subject, V2_WITHOUT_DEFAULT))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.registryMessage()).isNotBlank();
                    assertThat(e.getMessage()).contains(e.registryMessage()).contains(subject);
                });
    }

    @Test
    void unknownIdAndSubjectAreTyped() {
        assertThatThrownBy(() -> client.getSchemaById(987_654))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> client.getLatestVersion(uniqueSubject()))
                .isInstanceOfSatisfying(SchemaNotFoundException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThat(client.testCompatibility(uniqueSubject(), V1).compatible()).isTrue();
    }

    private static RestSchemaRegistryClient freshClient() {
        return new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                "schema.registry.url", EmbeddedStack.shared().registryUrl())));
    }

    private static String uniqueSubject() {
        return "it-" + UUID.randomUUID() + "-value";
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
