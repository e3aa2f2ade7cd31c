package org.pharmamaturity.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS contexts that trust exactly the certificates of a trust store file (a private CA, a self-signed test
 * certificate), for the clients that do not take Kafka's {@code ssl.*} settings: the registry's HTTP client and the
 * gateway's MQTT client. Each caller turns a failure into a message naming its own settings.
 */
public final class TrustStores {

    private TrustStores() {
    }

    /**
     * A TLS context trusting the certificates of {@code location}.
     *
     * @param password the store's password, null when it has none
     * @param type PKCS12 or JKS
     */
    public static SSLContext trusting(Path location, char[] password, String type)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(location)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
    }
}
