package org.pharmamaturity.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A key pair and a self-signed certificate for {@value #HOST} and 127.0.0.1, made with the running JDK's
 * {@code keytool} when needed, so no key ever sits in the source tree: a PKCS12 key store (the certificate and its
 * key, for the broker and the registry) and a PKCS12 trust store (the certificate alone, for clients), both
 * readable by the owner only. The same certificate is the broker's client certificate on its controller listener,
 * where its subject {@value #PRINCIPAL} is the principal.
 *
 * @param keyStore the key store
 * @param trustStore the trust store
 * @param password the password of both stores and of the key
 */
public record TlsMaterial(Path keyStore, Path trustStore, String password) {

    /** The host name clients connect to. */
    public static final String HOST = "localhost";
    /** The certificate's subject, the Kafka principal of a client presenting it. */
    public static final String PRINCIPAL = "CN=" + HOST;
    /** The store type of both files. */
    public static final String STORE_TYPE = "PKCS12";

    private static final String ALIAS = "maturity";
    private static final int VALIDITY_DAYS = 365;

    /**
     * Writes {@code keystore.p12} and {@code truststore.p12} into {@code directory} (created user-only when missing)
     * with a fresh random password.
     *
     * @throws EmbeddedStackException when keytool fails
     */
    public static TlsMaterial generate(Path directory) {
        TlsMaterial material = new TlsMaterial(directory.resolve("keystore.p12"), directory.resolve("truststore.p12"),
                RandomSecrets.next());
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(material.keyStore);
            Files.deleteIfExists(material.trustStore);
            Path certificate = directory.resolve("certificate.pem");
            material.keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", PRINCIPAL, "-ext", "SAN=dns:" + HOST + ",ip:127.0.0.1", "-validity",
                    Integer.toString(VALIDITY_DAYS), "-keystore", material.keyStore.toString(),
                    "-storetype", STORE_TYPE, "-storepass", material.password, "-keypass", material.password);
            material.keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", material.keyStore.toString(),
                    "-storepass", material.password, "-file", certificate.toString());
            material.keytool("-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.toString(),
                    "-keystore", material.trustStore.toString(), "-storetype", STORE_TYPE, "-storepass",
                    material.password);
            Files.delete(certificate);
            ownerOnly(material.keyStore);
            ownerOnly(material.trustStore);
            return material;
        } catch (IOException e) {
            throw new EmbeddedStackException("Could not write test certificates into " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        // The password never appears in logs or assertion messages.
        return "TlsMaterial[" + keyStore + ", " + trustStore + "]";
    }

    private void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new EmbeddedStackException("keytool " + arguments[0] + " failed: " + output.replace(password, "***"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStackException("Interrupted while running keytool " + arguments[0], e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): its ACLs already limit the user's own directory.
        }
    }
}
