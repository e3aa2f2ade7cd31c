package org.pharmamaturity.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;

/**
 * A broker's SASL_SSL client listener, shared by the tests' SaslSslTestKitBroker (module testing) and the local run's
 * {@link LocalKafkaBroker}: SCRAM-SHA-512 over TLS with {@code tls}'s certificate, a TLS controller listener that
 * requires client certificates (KRaft controllers do not take SCRAM), the {@link StandardAuthorizer} refusing
 * whatever no ACL allows, and the super users {@value #SUPER_USER} and the certificate's {@link TlsMaterial#PRINCIPAL}.
 * It also administers such a broker as the super user: SCRAM users and ACLs.
 *
 * @param tls               the certificate the broker serves and clients trust
 * @param superUserPassword the SCRAM password of {@value #SUPER_USER}
 */
public record SaslSslListener(TlsMaterial tls, String superUserPassword) {

    /** The SASL mechanism of the client listener. */
    public static final String MECHANISM = ScramMechanism.SCRAM_SHA_512.mechanismName();
    /** The super user: the broker between itself and its peers, and whoever administers users and ACLs. */
    public static final String SUPER_USER = "admin";
    /** The iterations of every SCRAM credential. */
    public static final int SCRAM_ITERATIONS = 4096;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    /** The broker settings of a client listener {@code clientListener} and a controller listener {@code controllerListener}. */
    public Map<String, String> brokerSettings(String clientListener, String controllerListener) {
        Map<String, String> settings = new HashMap<>();
        settings.put("listener.security.protocol.map", clientListener + ":" + SecurityProtocol.SASL_SSL.name
                + "," + controllerListener + ":" + SecurityProtocol.SSL.name);
        settings.put("sasl.enabled.mechanisms", MECHANISM);
        settings.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        // The broker's own credentials on inter-broker connections (transaction markers go to itself).
        settings.put("listener.name." + clientListener.toLowerCase(Locale.ROOT) + "." + MECHANISM.toLowerCase(Locale.ROOT)
                + ".sasl.jaas.config", jaasConfig(SUPER_USER, superUserPassword));
        settings.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, tls.keyStore().toString());
        settings.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, tls.password());
        settings.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, tls.password());
        settings.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, TlsMaterial.STORE_TYPE);
        settings.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.trustStore().toString());
        settings.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, tls.password());
        settings.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, TlsMaterial.STORE_TYPE);
        settings.put("listener.name." + controllerListener.toLowerCase(Locale.ROOT) + ".ssl.client.auth", "required");
        settings.put("authorizer.class.name", StandardAuthorizer.class.getName());
        settings.put(StandardAuthorizer.ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG, "false");
        settings.put(StandardAuthorizer.SUPER_USERS_CONFIG, "User:" + SUPER_USER + ";User:" + TlsMaterial.PRINCIPAL);
        return settings;
    }

    /** The super user's credential as {@code kafka-storage format --add-scram} takes it. */
    public String formatScramArgument() {
        return MECHANISM + "=[name=" + SUPER_USER + ",iterations=" + SCRAM_ITERATIONS + ",password=" + superUserPassword
                + "]";
    }

    /** The settings of a client of {@code bootstrapServers} that connects as {@code user} with {@code password}. */
    public Map<String, Object> clientSettings(String bootstrapServers, String user, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_SSL.name);
        settings.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password));
        settings.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.trustStore().toString());
        settings.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, tls.password());
        settings.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, TlsMaterial.STORE_TYPE);
        return settings;
    }

    /** The settings of a client that connects as the super user. */
    public Map<String, Object> superUserSettings(String bootstrapServers) {
        return clientSettings(bootstrapServers, SUPER_USER, superUserPassword);
    }

    /**
     * Creates (or changes) the SCRAM-SHA-512 credential of {@code user}, as {@code kafka-configs --alter --add-config
     * SCRAM-SHA-512=[password=...]} does, and waits until the broker takes it.
     */
    public void createUser(String bootstrapServers, String user, String password) {
        try (Admin admin = Admin.create(superUserSettings(bootstrapServers))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)))
                    .all().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new EmbeddedStackException("Could not create the SCRAM user " + user + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStackException("Interrupted while creating the SCRAM user " + user, e);
        }
        awaitUser(bootstrapServers, user, password);
    }

    /**
     * Adds {@code acls}, as {@code kafka-acls --add} does (existing ones stay as they are), and waits until the broker
     * enforces them (it applies them from the metadata log a moment after the controller accepted them).
     */
    public void createAcls(String bootstrapServers, Collection<AclBinding> acls) {
        try (Admin admin = Admin.create(superUserSettings(bootstrapServers))) {
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

    /** Waits until {@code user} authenticates: the broker applies new credentials from the metadata log. */
    public void awaitUser(String bootstrapServers, String user, String password) {
        Map<String, Object> settings = clientSettings(bootstrapServers, user, password);
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

    /** The JAAS line of a SCRAM client. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    @Override
    public String toString() {
        // The password never appears in logs.
        return "SaslSslListener[" + tls + "]";
    }
}
