package org.pharmamaturity.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.acl.AclBinding;
import org.pharmamaturity.embedded.EmbeddedStackException;
import org.pharmamaturity.embedded.RandomSecrets;
import org.pharmamaturity.embedded.RegistryAccess;
import org.pharmamaturity.embedded.SaslSslListener;
import org.pharmamaturity.embedded.TlsMaterial;
import org.pharmamaturity.schemas.PipelineAcls;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.registry.RegistryTrustStore;

/**
 * The secure local run's principals and secrets, all in its data directory ({@code <data-dir>/secure/}): a fresh certificate each start
 * ({@code tls/}), the SCRAM and registry passwords of {@value SaslSslListener#SUPER_USER}, {@value #SERVICE} and
 * {@value #PRODUCER} ({@code credentials.properties}, made on the first secure start and kept, since the broker
 * stores the super user's credential when it formats its storage), and a client config file per principal that the
 * producers' {@code --producer-config} and Kafka's own tools read. Every file is the owner's only.
 */
final class LocalSecurity {

    /** The streams service's principal. */
    static final String SERVICE = "maturity-service";
    /** The simulator's and the gateway's principal: it may write the pipeline's inputs only. */
    static final String PRODUCER = "producer";

    private static final String CREDENTIALS_FILE = "credentials.properties";
    private static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
    private static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    private final Path directory;
    private final SaslSslListener listener;
    private final Map<String, String> passwords;

    private LocalSecurity(Path directory, SaslSslListener listener, Map<String, String> passwords) {
        this.directory = directory;
        this.listener = listener;
        this.passwords = passwords;
    }

    /** A new certificate, and the passwords of an earlier secure run in {@code directory} or new ones. */
    static LocalSecurity prepare(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            Map<String, String> passwords = loadOrCreatePasswords(directory.resolve(CREDENTIALS_FILE));
            TlsMaterial tls = TlsMaterial.generate(directory.resolve("tls"));
            return new LocalSecurity(directory, new SaslSslListener(tls, passwords.get(SaslSslListener.SUPER_USER)),
                    passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the secure run's credentials under " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** The broker's SASL_SSL listener. */
    SaslSslListener listener() {
        return listener;
    }

    /** HTTPS with the run's certificate, basic auth for every principal. */
    RegistryAccess registryAccess() {
        return RegistryAccess.httpsWithBasicAuth(listener.tls(), passwords);
    }

    /** Creates the service's and the producer's SCRAM users and gives each exactly its {@link PipelineAcls}. */
    void createUsersAndAcls(String bootstrapServers, String applicationId) {
        try {
            listener.awaitUser(bootstrapServers, SaslSslListener.SUPER_USER, passwords.get(SaslSslListener.SUPER_USER));
        } catch (EmbeddedStackException e) {
            // The broker keeps the admin credential of the run that formatted it; credentials.properties must match.
            throw new EmbeddedStackException(e.getMessage() + ". If " + credentialsFile() + " was deleted or changed"
                    + " after the broker's storage was made, delete " + directory + " and start again.", e);
        }
        listener.createUser(bootstrapServers, SERVICE, passwords.get(SERVICE));
        listener.createUser(bootstrapServers, PRODUCER, passwords.get(PRODUCER));
        List<AclBinding> acls = new ArrayList<>(PipelineAcls.service("User:" + SERVICE, applicationId));
        acls.addAll(PipelineAcls.producer("User:" + PRODUCER, Topic.inputs()));
        listener.createAcls(bootstrapServers, acls);
    }

    /** Kafka and registry client settings of {@code principal}, without {@code bootstrap.servers}. */
    Map<String, String> clientSettings(String principal) {
        Map<String, String> settings = new TreeMap<>();
        listener.clientSettings("", principal, passwords.get(principal))
                .forEach((key, value) -> settings.put(key, value.toString()));
        settings.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        settings.put(BASIC_AUTH_SOURCE, "USER_INFO");
        settings.put(BASIC_AUTH_USER_INFO, principal + ":" + passwords.get(principal));
        settings.put(RegistryTrustStore.LOCATION, listener.tls().trustStore().toString());
        settings.put(RegistryTrustStore.PASSWORD, listener.tls().password());
        settings.put(RegistryTrustStore.TYPE, TlsMaterial.STORE_TYPE);
        return settings;
    }

    /** {@link #clientSettings} of {@code principal} as a properties file, {@code <principal>.properties}. */
    Path writeClientConfig(String principal) {
        Properties properties = new Properties();
        properties.putAll(clientSettings(principal));
        return writeOwnerOnly(directory.resolve(principal + ".properties"), properties,
                "Client settings of " + principal + " (Kafka SASL_SSL and the registry); keep private");
    }

    /** The client config file of the super user (topics, ACLs, reading any topic). */
    Path adminConfig() {
        return directory.resolve(SaslSslListener.SUPER_USER + ".properties");
    }

    /** The client config file of the producer principal. */
    Path producerConfig() {
        return directory.resolve(PRODUCER + ".properties");
    }

    /** The trust store of the run's certificate. */
    Path trustStore() {
        return listener.tls().trustStore();
    }

    /** Every principal's password. */
    Path credentialsFile() {
        return directory.resolve(CREDENTIALS_FILE);
    }

    private static Map<String, String> loadOrCreatePasswords(Path file) {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        Map<String, String> passwords = new HashMap<>();
        for (String principal : List.of(SaslSslListener.SUPER_USER, SERVICE, PRODUCER)) {
            String password = stored.getProperty(principal);
            passwords.put(principal, password != null ? password : RandomSecrets.next());
        }
        Properties properties = new Properties();
        properties.putAll(passwords);
        writeOwnerOnly(file, properties, "SCRAM and registry password of each principal of the secure local run;"
                + " keep private");
        return Map.copyOf(passwords);
    }

    private static Path writeOwnerOnly(Path file, Properties properties, String comment) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, comment);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
