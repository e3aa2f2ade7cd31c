package org.pharmamaturity.testing;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.message.AlterUserScramCredentialsRequestData;
import org.apache.kafka.common.message.AlterUserScramCredentialsResponseData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.controller.ControllerRequestContext;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.pharmamaturity.embedded.EmbeddedStackException;
import org.pharmamaturity.embedded.RandomSecrets;
import org.pharmamaturity.embedded.SaslSslListener;
import org.pharmamaturity.embedded.TlsMaterial;

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
    public static final String MECHANISM = SaslSslListener.MECHANISM;
    /** The super user: the broker between itself and its peers, and whoever administers users and ACLs. */
    public static final String SUPER_USER = SaslSslListener.SUPER_USER;

    private static final ListenerName CLIENT_LISTENER = new ListenerName("SECURE");
    private static final ListenerName CONTROLLER_LISTENER = new ListenerName("CONTROLLER");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final KafkaClusterTestKit cluster;
    private final SaslSslListener listener;

    private SaslSslTestKitBroker(KafkaClusterTestKit cluster, SaslSslListener listener) {
        this.cluster = cluster;
        this.listener = listener;
    }

    /** Formats and starts a fresh cluster serving {@code tls}'s certificate, and creates the super user. */
    public static SaslSslTestKitBroker start(TlsMaterial tls) {
        SaslSslListener listener = new SaslSslListener(tls, RandomSecrets.next());
        // The test kit's node builder takes only PLAINTEXT and SASL_PLAINTEXT; the listeners keep its names and
        // ports, and get their protocols from the protocol map, which it leaves to the caller when set.
        KafkaClusterTestKit.Builder builder = TestKitBroker.singleNode(new TestKitNodes.Builder()
                .setBrokerListenerName(CLIENT_LISTENER)
                .setControllerListenerName(CONTROLLER_LISTENER));
        listener.brokerSettings(CLIENT_LISTENER.value(), CONTROLLER_LISTENER.value()).forEach(builder::setConfigProp);
        SaslSslTestKitBroker broker = new SaslSslTestKitBroker(TestKitBroker.startCluster(builder), listener);
        try {
            broker.writeSuperUserCredential();
            listener.awaitUser(broker.bootstrapServers(), SUPER_USER, listener.superUserPassword());
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
        return listener.tls();
    }

    /** The settings of a client that connects as {@code user} with {@code password}. */
    public Map<String, Object> clientSettings(String user, String password) {
        return listener.clientSettings(bootstrapServers(), user, password);
    }

    /** The settings of a client that connects as the super user. */
    public Map<String, Object> superUserSettings() {
        return listener.superUserSettings(bootstrapServers());
    }

    /** Creates (or changes) the SCRAM-SHA-512 credential of {@code user}; see {@link SaslSslListener#createUser}. */
    public void createUser(String user, String password) {
        listener.createUser(bootstrapServers(), user, password);
    }

    /** Adds {@code acls} and waits until the broker enforces them; see {@link SaslSslListener#createAcls}. */
    public void createAcls(Collection<AclBinding> acls) {
        listener.createAcls(bootstrapServers(), acls);
    }

    @Override
    public void close() {
        TestKitBroker.close(cluster);
    }

    /** The JAAS line of a SCRAM client. */
    public static String jaasConfig(String user, String password) {
        return SaslSslListener.jaasConfig(user, password);
    }

    /** The super user's credential, through the controller: no client can authenticate before it exists. */
    private void writeSuperUserCredential() {
        try {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            byte[] salted = new ScramFormatter(org.apache.kafka.common.security.scram.internals.ScramMechanism
                    .SCRAM_SHA_512).saltedPassword(listener.superUserPassword(), salt, SaslSslListener.SCRAM_ITERATIONS);
            AlterUserScramCredentialsRequestData request = new AlterUserScramCredentialsRequestData()
                    .setUpsertions(List.of(new AlterUserScramCredentialsRequestData.ScramCredentialUpsertion()
                            .setName(SUPER_USER)
                            .setMechanism(ScramMechanism.SCRAM_SHA_512.type())
                            .setIterations(SaslSslListener.SCRAM_ITERATIONS)
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
}
