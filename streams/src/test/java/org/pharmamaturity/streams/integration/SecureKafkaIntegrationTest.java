package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.ApicurioRegistry;
import org.pharmamaturity.embedded.RandomSecrets;
import org.pharmamaturity.embedded.RegistryAccess;
import org.pharmamaturity.embedded.RegistrySettings;
import org.pharmamaturity.embedded.TlsMaterial;
import org.pharmamaturity.schemas.PipelineAcls;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.TopicProvisioner;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.registry.RegistryTrustStore;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.api.TokenAuthenticator;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.testing.Answers;
import org.pharmamaturity.testing.SaslSslTestKitBroker;

/**
 * The service and a plant's producer on a broker that takes only SASL_SSL (SCRAM-SHA-512 over TLS) with ACLs, and a
 * registry that takes only basic auth over HTTPS; certificates, users and passwords are made for this run. Each
 * principal has exactly {@link PipelineAcls}: the pipeline still runs end to end (through its streams, its reference
 * audit, its dead letters and the API's assessment publisher), and each principal is refused outside its ACLs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class SecureKafkaIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String APPLICATION_ID = "secure-pipeline";
    private static final String SERVICE = "maturity-service";
    private static final String PLANT = "plant-producer";
    private static final String STRANGER = "authenticated-stranger";
    private static final String E1 = "SEC-E1";
    private static final String E2 = "SEC-E2";

    private final Map<String, String> passwords = Map.of(SERVICE, RandomSecrets.next(), PLANT, RandomSecrets.next(),
            STRANGER, RandomSecrets.next());
    private final Map<String, String> registryPasswords = Map.of(SERVICE, RandomSecrets.next(), PLANT,
            RandomSecrets.next());
    private final String tokenE2 = "e2-" + RandomSecrets.next();

    private SaslSslTestKitBroker broker;
    private ApicurioRegistry registry;
    private MaturityStreamsService service;

    @BeforeAll
    void startSecuredBrokerAndRegistry(@TempDir Path directory) throws Exception {
        TlsMaterial tls = TlsMaterial.generate(directory.resolve("tls"));
        broker = SaslSslTestKitBroker.start(tls);
        registry = ApicurioRegistry.start(RegistrySettings.forTests()
                .withLogFile(directory.resolve("apicurio-secure.log"))
                .withAccess(RegistryAccess.httpsWithBasicAuth(tls, registryPasswords)));
        passwords.forEach(broker::createUser);
        TopicProvisioner.createMissing(broker.superUserSettings(), Optional.empty());
        List<AclBinding> acls = new ArrayList<>(PipelineAcls.service("User:" + SERVICE, APPLICATION_ID));
        acls.addAll(PipelineAcls.producer("User:" + PLANT, Topic.inputs()));
        broker.createAcls(acls);
        Files.createDirectories(directory.resolve("service"));
        Map<String, String> settings = topicsAs(SERVICE).serviceSettings(APPLICATION_ID, directory.resolve("service"));
        settings.put(ServiceSettings.API_TOKENS, TokenAuthenticator.hash(tokenE2) + " enterprise:" + E2);
        try (KafkaProducer<String, SpecificRecord> plant = topicsAs(PLANT).producer()) {
            plant.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), E1, enterprise(E1, "C272")))
                    .get(60, TimeUnit.SECONDS);
            plant.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), E2, enterprise(E2, "C272")))
                    .get(60, TimeUnit.SECONDS);
        }
        service = MaturityStreamsService.start(ServiceSettings.of(settings), new CountingPipelineMeters());
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void thePipelineRunsEndToEndOverSaslSslWithItsAcls() throws Exception {
        try (KafkaProducer<String, SpecificRecord> plant = topicsAs(PLANT).producer();
                KafkaProducer<byte[], byte[]> raw = topicsAs(PLANT).rawProducer()) {
            plant.send(new ProducerRecord<>(Topic.ASSESSMENT_SELF_SUBMITTED.name(), E1,
                    assessment(E1, "S1", "2025-03-01T00:00:00Z", Answers.fullUpTo(2)))).get(60, TimeUnit.SECONDS);
            raw.send(new ProducerRecord<>(Topic.FACTORY_EQUIPMENT_STATE.name(), "SEC-EQ".getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8))).get(60, TimeUnit.SECONDS);
        }
        ApiClient api = new ApiClient(service.api().port());
        await().atMost(WAIT).until(() -> api.get("/health/ready", null).status() == 200);
        ApiClient.Answer post = api.post("/api/v1/assessments", tokenE2, "application/json",
                "{\"modelVersion\": \"cmmm-2020-reference\", \"submittedAt\": \"2026-03-01T09:00:00Z\", \"answers\": ["
                        + Answers.fullUpTo(1).keySet().stream()
                                .map(id -> "{\"requirementId\": \"" + id + "\", \"grade\": \"" + Grade.FULL + "\"}")
                                .collect(Collectors.joining(", ")) + "]}");
        assertThat(post.status()).as(post.body()).isEqualTo(202);

        EmbeddedTopics reader = topicsAs(SaslSslTestKitBroker.SUPER_USER);
        Map<String, EnterpriseMaturity> maturity = reader.latest(Topic.MATURITY_ENTERPRISE,
                key -> key.startsWith("SEC-"), latest -> latest.size() == 2, WAIT);
        // E1 (through Kafka): levels 1 and 2 FULL, level 3 none: S = L1 + L2 + L3 = 1 + 1 + 0 = 2, level 2.
        assertThat(maturity.get(E1).getVerified().getScore()).isCloseTo(2.0, within(1e-12));
        assertThat(maturity.get(E1).getVerified().getLevel()).isEqualTo(2);
        // E2 (through the API's publisher): level 1 FULL, level 2 none: S = L1 + L2 = 1 + 0 = 1, level 1.
        assertThat(maturity.get(E2).getVerified().getScore()).isCloseTo(1.0, within(1e-12));
        assertThat(maturity.get(E2).getVerified().getLevel()).isEqualTo(1);
        List<ConsumerRecord<String, DeadLetter>> letters = reader.records(Topic.MATURITY_DLQ, "SEC-EQ"::equals,
                records -> !records.isEmpty(), WAIT);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).value().getReason()).isEqualTo(DeadLetterReason.NOT_AVRO);
        assertThat(service.streams().state().isRunningOrRebalancing()).isTrue();
    }

    @Test
    void theProducerMayWriteItsInputsButNotAnOutputNorReadAnything() throws Exception {
        try (KafkaProducer<String, String> producer = stringProducer(PLANT, Map.of())) {
            // The same connection succeeds on an input topic: what follows is refused by ACL, not by the network.
            assertThat(producer.send(new ProducerRecord<>(Topic.FACTORY_ENERGY_READING.name(), "probe", "x"))
                    .get(60, TimeUnit.SECONDS).topic()).isEqualTo(Topic.FACTORY_ENERGY_READING.name());
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topic.MATURITY_ENTERPRISE.name(), E1, "forged"))
                    .get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThatThrownBy(() -> readOnce(PLANT, Topic.FACTORY_ENERGY_READING.name(), Map.of()))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theServiceIsHeldToItsApplicationId() {
        assertThatThrownBy(() -> readOnce(SERVICE, Topic.FACTORY_ENERGY_READING.name(),
                Map.of(ConsumerConfig.GROUP_ID_CONFIG, "another-application")))
                .isInstanceOf(GroupAuthorizationException.class);
        try (KafkaProducer<String, String> producer = stringProducer(SERVICE,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "another-application-0"))) {
            assertThatThrownBy(producer::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
        }
        try (KafkaProducer<String, String> producer = stringProducer(SERVICE, Map.of())) {
            // The service reads plant readings; it may not write them.
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topic.FACTORY_ENERGY_READING.name(), E1, "x"))
                    .get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void anAuthenticatedUserWithoutAclsMayDoNothing() {
        try (KafkaProducer<String, String> producer = stringProducer(STRANGER, Map.of())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topic.ASSESSMENT_SELF_SUBMITTED.name(), E1,
                    "forged")).get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** The pipeline's topics as {@code user} sees them, with the registry credentials of the service or the plant. */
    private EmbeddedTopics topicsAs(String user) {
        Map<String, Object> settings = kafkaSettings(user);
        String registryUser = user.equals(PLANT) ? PLANT : SERVICE;
        settings.put("basic.auth.credentials.source", "USER_INFO");
        settings.put("basic.auth.user.info", registryUser + ":" + registryPasswords.get(registryUser));
        settings.put(RegistryTrustStore.LOCATION, broker.tls().trustStore().toString());
        settings.put(RegistryTrustStore.PASSWORD, broker.tls().password());
        return EmbeddedTopics.asClient(broker.bootstrapServers(), registry.url(), settings);
    }

    private Map<String, Object> kafkaSettings(String user) {
        return user.equals(SaslSslTestKitBroker.SUPER_USER) ? broker.superUserSettings()
                : broker.clientSettings(user, passwords.get(user));
    }

    private KafkaProducer<String, String> stringProducer(String user, Map<String, Object> extra) {
        Map<String, Object> settings = kafkaSettings(user);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        settings.putAll(extra);
        return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    /** Polls {@code topic} once as {@code user}, subscribed in a group when {@code extra} names one, else assigned. */
    private void readOnce(String user, String topic, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(kafkaSettings(user));
        settings.putAll(extra);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            if (settings.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
                consumer.subscribe(List.of(topic));
            } else {
                consumer.assign(List.of(new TopicPartition(topic, 0)));
                consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
            }
            for (int poll = 0; poll < 100; poll++) {
                consumer.poll(Duration.ofMillis(300));
            }
        }
    }
}
