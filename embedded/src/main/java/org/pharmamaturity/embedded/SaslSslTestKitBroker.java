package org.pharmamaturity.embedded;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.message.AlterUserScramCredentialsRequestData;
import org.apache.kafka.common.message.AlterUserScramCredentialsResponseData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.controller.ControllerRequestContext;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;

/**
 * A one-node KRaft cluster like {@link TestKitBroker} that takes only authenticated clients: its client listener
 * speaks SASL_SSL with SCRAM-SHA-512 over TLS (certificate from {@link TlsMaterial}), the {@link StandardAuthorizer}
 * refuses whatever no ACL allows, and the only super users are {@value #SUPER_USER} (the broker itself on its
 * inter-broker connections, and the tests' administrator) and the controller listener's TLS client certificate.
 *
 * <p>The controller listener uses TLS with client certificates, since KRaft controllers do not take SCRAM. The first
 * SCRAM credential, the super user's, is written straight into the metadata log through the active controller: the
 * step {@code kafka-storage format --add-scram} does in a real deployment.
 */
public final class SaslSslTestKitBroker implements AutoCloseable {

    /** The SASL mechanism of the client listener. */
    public static final String MECHANISM = ScramMechanism.SCRAM_SHA_512.mechanismName();
    /** The super user: the broker between itself and its peers, and whoever administers users and ACLs. */
    public static final String SUPER_USER = "admin";

    private static final ListenerName CLIENT_LISTENER = new ListenerName("SECURE");
    private static final ListenerName CONTROLLER_LISTENER = new ListenerName("CONTROLLER");
    private static final int SCRAM_ITERATIONS = 4096;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final KafkaClusterTestKit cluster;
    private final TlsMaterial tls;
    private final String superUserPassword;

    private SaslSslTestKitBroker(KafkaClusterTestKit cluster, TlsMaterial tls, String superUserPassword) {
        this.cluster = cluster;
        this.tls = tls;
        this.superUserPassword = superUserPassword;
    }

    /** Formats and starts a fresh cluster serving {@code tls}'s certificate, and creates the super user. */
    public static SaslSslTestKitBroker start(TlsMaterial tls) {
        String password = RandomSecrets.next();
        // The test kit's node builder takes only PLAINTEXT and SASL_PLAINTEXT; the listeners keep its names and
        // ports, and get their protocols from the protocol map, which it leaves to the caller when set.
        KafkaClusterTestKit.Builder builder = TestKitBroker.singleNode(new TestKitNodes.Builder()
                .setBrokerListenerName(CLIENT_LISTENER)
                .setControllerListenerName(CONTROLLER_LISTENER));
        brokerSettings(tls, password).forEach(builder::setConfigProp);
        SaslSslTestKitBroker broker = new SaslSslTestKitBroker(TestKitBroker.startCluster(builder), tls, password);
        try {
            broker.writeSuperUserCredential();
            broker.awaitUser(SUPER_USER, password);
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** {@code host:port} of the SASL_SSL listener. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The certificate the broker serves and clients trust. */
    public TlsMaterial tls() {
        return tls;
    }

    /** The settings of a client that connects as {@code user} with {@code password}. */
    public Map<String, Object> clientSettings(String user, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_SSL.name);
        settings.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password));
        settings.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.trustStore().toString());
        settings.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, tls.password());
        settings.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, TlsMaterial.STORE_TYPE);
        return settings;
    }

    /** The settings of a client that connects as the super user. */
    public Map<String, Object> superUserSettings() {
        return clientSettings(SUPER_USER, superUserPassword);
    }

    /**
     * Creates (or changes) the SCRAM-SHA-512 credential of {@code user}, as {@code kafka-configs --alter --add-config
     * SCRAM-SHA-512=[password=...]} does, and waits until the broker takes it.
     */
    public void createUser(String user, String password) {
        try (Admin admin = Admin.create(superUserSettings())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)))
                    .all().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new EmbeddedStackException("Could not create the SCRAM user " + user + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStackException("Interrupted while creating the SCRAM user " + user, e);
        }
        awaitUser(user, password);
    }

    /**
     * Adds {@code acls}, as {@code kafka-acls --add} does, and waits until the broker enforces them (it applies them
     * from the metadata log a moment after the controller accepted them).
     */
    public void createAcls(Collection<AclBinding> acls) {
        try (Admin admin = Admin.create(superUserSettings())) {
            admin.createAcls(acls).all().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Instant deadline = Instant.now().plus(READY_TIMEOUT);
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .containsAll(acls)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new EmbeddedStackException("The broker did not apply the new ACLs within "
                            + READY_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(POLL_INTERVAL);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new EmbeddedStackException("Could not create the ACLs: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStackException("Interrupted while creating ACLs", e);
        }
    }

    @Override
    public void close() {
        TestKitBroker.close(cluster);
    }

    /** The JAAS line of a SCRAM client. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static Map<String, String> brokerSettings(TlsMaterial tls, String superUserPassword) {
        String clientListener = CLIENT_LISTENER.value().toLowerCase(Locale.ROOT);
        String controllerListener = CONTROLLER_LISTENER.value().toLowerCase(Locale.ROOT);
        Map<String, String> settings = new HashMap<>();
        settings.put("listener.security.protocol.map", CLIENT_LISTENER.value() + ":" + SecurityProtocol.SASL_SSL.name
                + "," + CONTROLLER_LISTENER.value() + ":" + SecurityProtocol.SSL.name);
        settings.put("sasl.enabled.mechanisms", MECHANISM);
        settings.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        // The broker's own credentials on inter-broker connections (transaction markers go to itself).
        settings.put("listener.name." + clientListener + "." + MECHANISM.toLowerCase(Locale.ROOT)
                + ".sasl.jaas.config", jaasConfig(SUPER_USER, superUserPassword));
        settings.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, tls.keyStore().toString());
        settings.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, tls.password());
        settings.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, tls.password());
        settings.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, TlsMaterial.STORE_TYPE);
        settings.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.trustStore().toString());
        settings.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, tls.password());
        settings.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, TlsMaterial.STORE_TYPE);
        settings.put("listener.name." + controllerListener + ".ssl.client.auth", "required");
        settings.put("authorizer.class.name", StandardAuthorizer.class.getName());
        settings.put(StandardAuthorizer.ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG, "false");
        settings.put(StandardAuthorizer.SUPER_USERS_CONFIG, "User:" + SUPER_USER + ";User:" + TlsMaterial.PRINCIPAL);
        return settings;
    }

    /** The super user's credential, through the controller: no client can authenticate before it exists. */
    private void writeSuperUserCredential() {
        try {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            byte[] salted = new ScramFormatter(org.apache.kafka.common.security.scram.internals.ScramMechanism
                    .SCRAM_SHA_512).saltedPassword(superUserPassword, salt, SCRAM_ITERATIONS);
            AlterUserScramCredentialsRequestData request = new AlterUserScramCredentialsRequestData()
                    .setUpsertions(List.of(new AlterUserScramCredentialsRequestData.ScramCredentialUpsertion()
                            .setName(SUPER_USER)
                            .setMechanism(ScramMechanism.SCRAM_SHA_512.type())
                            .setIterations(SCRAM_ITERATIONS)
                            .setSalt(salt)
                            .setSaltedPassword(salted)));
            AlterUserScramCredentialsResponseData response = cluster.waitForActiveController()
                    .alterUserScramCredentials(new ControllerRequestContext(new RequestHeaderData(),
                            KafkaPrincipal.ANONYMOUS, OptionalLong.empty()), request)
                    .get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            response.results().stream().filter(result -> result.errorCode() != 0).findFirst().ifPresent(result -> {
                throw new EmbeddedStackException("The controller refused the super user's credential: "
                        + result.errorMessage());
            });
        } catch (NoSuchAlgorithmException | InvalidKeyException | ExecutionException | TimeoutException e) {
            throw new EmbeddedStackException("Could not write the super user's SCRAM credential: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStackException("Interrupted while writing the super user's SCRAM credential", e);
        }
    }

    /** Waits until {@code user} authenticates: the broker applies new credentials from the metadata log. */
    private void awaitUser(String user, String password) {
        Map<String, Object> settings = clientSettings(user, password);
        settings.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Admin admin = Admin.create(settings)) {
                admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedStackException("Interrupted while waiting for the SCRAM user " + user, e);
            }
        }
        throw new EmbeddedStackException("The SCRAM user " + user + " could not authenticate within "
                + READY_TIMEOUT.toSeconds() + " s: " + last, last);
    }
}
