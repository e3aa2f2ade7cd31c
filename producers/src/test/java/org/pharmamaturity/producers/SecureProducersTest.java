package org.pharmamaturity.producers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.ApicurioRegistry;
import org.pharmamaturity.embedded.RandomSecrets;
import org.pharmamaturity.embedded.RegistryAccess;
import org.pharmamaturity.embedded.RegistrySettings;
import org.pharmamaturity.embedded.TlsMaterial;
import org.pharmamaturity.producers.testing.CliRun;
import org.pharmamaturity.producers.testing.TopicProbe;
import org.pharmamaturity.schemas.PipelineAcls;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.registry.RegistryTrustStore;
import org.pharmamaturity.testing.SaslSslTestKitBroker;

/**
 * The CLI on a broker that takes only SASL_SSL (SCRAM-SHA-512) with ACLs and a registry that takes only basic auth
 * over HTTPS, with everything in a {@code --producer-config} file: the administrator creates the topics, the plant's
 * producer ingests into an input topic it has WRITE on, and the same producer cannot create topics.
 */
@Tag("integration")
class SecureProducersTest {

    private static final String PLANT = "plant-producer";
    private static final String PLANT_PASSWORD = RandomSecrets.next();
    private static final String REGISTRY_ADMIN_PASSWORD = RandomSecrets.next();
    private static final String REGISTRY_PLANT_PASSWORD = RandomSecrets.next();

    @TempDir
    static Path directory;

    private static SaslSslTestKitBroker broker;
    private static ApicurioRegistry registry;
    private static Path adminConfig;
    private static Path plantConfig;

    @BeforeAll
    static void start() throws IOException {
        TlsMaterial tls = TlsMaterial.generate(directory.resolve("tls"));
        broker = SaslSslTestKitBroker.start(tls);
        registry = ApicurioRegistry.start(RegistrySettings.forTests()
                .withLogFile(directory.resolve("apicurio-secure.log"))
                .withAccess(RegistryAccess.httpsWithBasicAuth(tls, Map.of(SaslSslTestKitBroker.SUPER_USER,
                        REGISTRY_ADMIN_PASSWORD, PLANT, REGISTRY_PLANT_PASSWORD))));
        broker.createUser(PLANT, PLANT_PASSWORD);
        broker.createAcls(PipelineAcls.producer("User:" + PLANT, Topic.inputs()));
        adminConfig = write("admin.properties", clientConfig(broker.superUserSettings(),
                SaslSslTestKitBroker.SUPER_USER + ":" + REGISTRY_ADMIN_PASSWORD));
        plantConfig = write("plant.properties", clientConfig(broker.clientSettings(PLANT, PLANT_PASSWORD),
                PLANT + ":" + REGISTRY_PLANT_PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theAdministratorCreatesTheTopicsAndThePlantIngestsIntoAnInput() throws Exception {
        assertThat(run(adminConfig, "topics").exitCode()).isZero();
        try (Admin admin = Admin.create(broker.superUserSettings())) {
            assertThat(admin.listTopics().names().get(60, TimeUnit.SECONDS))
                    .containsAll(Topic.all().stream().map(Topic::name).toList());
        }

        CliRun ingest = run(plantConfig, "ingest", "enterprises", "examples/enterprises.csv");

        assertThat(ingest.exitCode()).as(ingest.errors()).isZero();
        Map<String, Object> reader = clientConfig(broker.superUserSettings(),
                SaslSslTestKitBroker.SUPER_USER + ":" + REGISTRY_ADMIN_PASSWORD);
        // examples/enterprises.csv holds two rows, EX-E001 and EX-E002.
        assertThat(new TopicProbe(broker.bootstrapServers(), registry.url(), reader)
                .values(Topic.REF_ENTERPRISE.name(), Enterprise.class))
                .extracting(Enterprise::getEnterpriseId).containsExactlyInAnyOrder("EX-E001", "EX-E002");
    }

    @Test
    void thePlantMayNotCreateTopics() {
        CliRun topics = run(plantConfig, "topics");

        assertThat(topics.exitCode()).isNotZero();
        assertThat(topics.errors()).contains("TopicAuthorizationException");
    }

    private static CliRun run(Path config, String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--producer-config=" + config;
        return CliRun.against(broker.bootstrapServers(), registry.url(), all);
    }

    /** Kafka's client settings and the registry's basic auth and trust store, as a producer config file holds them. */
    private static Map<String, Object> clientConfig(Map<String, Object> kafka, String registryUserInfo) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.remove("bootstrap.servers");
        config.put("basic.auth.credentials.source", "USER_INFO");
        config.put("basic.auth.user.info", registryUserInfo);
        config.put(RegistryTrustStore.LOCATION, broker.tls().trustStore().toString());
        config.put(RegistryTrustStore.PASSWORD, broker.tls().password());
        return config;
    }

    private static Path write(String name, Map<String, Object> settings) throws IOException {
        Properties properties = new Properties();
        settings.forEach((key, value) -> properties.setProperty(key, value.toString()));
        Path file = directory.resolve(name);
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }
}
