package org.pharmamaturity.producers.testing;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/** Self-signed application certificates for OPC UA tests, generated with Milo's builder. */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** A key pair and its certificate. */
    public record Issued(KeyPair keyPair, X509Certificate certificate) {

        /** Writes them as a PKCS#12 key store protected by {@code password}. */
        public Path writeKeyStore(Path file, char[] password) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            store.setKeyEntry("gateway", keyPair.getPrivate(), password, new X509Certificate[] {certificate});
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
            return file;
        }
    }

    /** A 2048-bit RSA certificate for {@code applicationUri}, valid for 127.0.0.1 and localhost. */
    public static Issued issue(String applicationUri) throws Exception {
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName(applicationUri)
                .setApplicationUri(applicationUri)
                .addDnsName("localhost")
                .addIpAddress("127.0.0.1")
                .build();
        return new Issued(keyPair, certificate);
    }
}
