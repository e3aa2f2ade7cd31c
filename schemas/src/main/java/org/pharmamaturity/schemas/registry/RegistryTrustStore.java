package org.pharmamaturity.schemas.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLContext;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.pharmamaturity.schemas.TrustStores;

/**
 * The certificates an HTTPS registry is trusted by, when they are not in the JVM's default trust store (a private
 * CA, a self-signed test certificate): Confluent's {@code schema.registry.ssl.truststore.*} settings. Host names are
 * verified against the certificate as the JDK's HTTP client always does.
 *
 * @param location the trust store file
 * @param password its password, if it has one (never logged)
 * @param type PKCS12 (the default) or JKS
 */
public record RegistryTrustStore(Path location, Optional<String> password, String type) {

    public static final String LOCATION = "schema.registry.ssl.truststore.location";
    public static final String PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TYPE = "schema.registry.ssl.truststore.type";

    /** The trust store the settings name, or empty when they name none (the JVM's default trust applies). */
    static Optional<RegistryTrustStore> from(AbstractConfig values) {
        return Optional.ofNullable(values.getString(LOCATION)).map(location -> new RegistryTrustStore(
                Path.of(location.trim()), Optional.ofNullable(values.getPassword(PASSWORD)).map(Password::value),
                values.getString(TYPE).trim()));
    }

    /** A TLS context that trusts exactly the certificates of this store. */
    SSLContext sslContext() {
        char[] secret = password.map(String::toCharArray).orElse(null);
        try {
            return TrustStores.trusting(location, secret, type);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(LOCATION, location.toString(), "cannot be read as a " + type
                    + " trust store (" + e.getMessage() + "); check the file, " + PASSWORD + " and " + TYPE);
        }
    }

    @Override
    public String toString() {
        // The password never appears in logs or exception messages.
        return "RegistryTrustStore[" + location + ", " + type + "]";
    }
}
