package org.pharmamaturity.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who may use the Apicurio registry: anyone over plain HTTP (the local run's default, on loopback), or only the
 * listed users, with HTTP basic auth over HTTPS and no plain HTTP port at all. The second needs no OpenID Connect
 * server: Apicurio 3.3.3 has Quarkus' embedded user realm built in ({@code quarkus.security.users.embedded.*}) and
 * turns on its {@code basic} authentication mechanism from {@code quarkus.http.auth.basic}; the Confluent API then
 * answers 401 to any request, reads included, without valid credentials.
 *
 * @param tls the key store the registry serves HTTPS with; empty for plain HTTP
 * @param users user name to password; empty for no authentication
 */
public record RegistryAccess(Optional<TlsMaterial> tls, Map<String, String> users) {

    public RegistryAccess {
        users = Map.copyOf(users);
        if (!users.isEmpty() && tls.isEmpty()) {
            throw new IllegalArgumentException("basic auth without TLS would send the passwords in clear text");
        }
    }

    /** Plain HTTP, no authentication. */
    public static RegistryAccess open() {
        return new RegistryAccess(Optional.empty(), Map.of());
    }

    /** HTTPS with {@code tls}'s key store, and basic auth for {@code users} (name to password). */
    public static RegistryAccess httpsWithBasicAuth(TlsMaterial tls, Map<String, String> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("name at least one user");
        }
        return new RegistryAccess(Optional.of(tls), users);
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    /**
     * The Quarkus settings that serve the API on {@code port} this way and that may show on a command line; the
     * passwords are read from {@code secretsFile}, which holds {@link #secretProperties()}.
     */
    List<String> systemProperties(int port, Path secretsFile) {
        if (tls.isEmpty()) {
            return List.of("-Dquarkus.http.port=" + port);
        }
        List<String> properties = new ArrayList<>(List.of("-Dquarkus.http.ssl-port=" + port,
                "-Dquarkus.http.insecure-requests=disabled",
                "-Dquarkus.http.ssl.certificate.key-store-file=" + tls.get().keyStore(),
                "-Dquarkus.http.ssl.certificate.key-store-file-type=" + TlsMaterial.STORE_TYPE,
                "-Dquarkus.config.locations=" + secretsFile.toUri()));
        if (!users.isEmpty()) {
            properties.addAll(List.of("-Dquarkus.http.auth.basic=true",
                    "-Dquarkus.security.users.embedded.enabled=true",
                    "-Dquarkus.security.users.embedded.plain-text=true"));
        }
        return properties;
    }

    /** The settings that carry passwords: the key store's and the users'; empty for plain HTTP. */
    Map<String, String> secretProperties() {
        Map<String, String> secrets = new TreeMap<>();
        tls.ifPresent(material -> secrets.put("quarkus.http.ssl.certificate.key-store-password", material.password()));
        users.forEach((user, password) -> secrets.put("quarkus.security.users.embedded.users." + user, password));
        return secrets;
    }

    @Override
    public String toString() {
        // Passwords never appear in logs.
        return "RegistryAccess[" + scheme() + ", users=" + new TreeMap<>(users).keySet() + "]";
    }
}
