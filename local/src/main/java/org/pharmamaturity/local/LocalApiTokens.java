package org.pharmamaturity.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pharmamaturity.producers.simulate.PopulationGenerator;
import org.pharmamaturity.streams.api.Caller;
import org.pharmamaturity.streams.api.TokenAuthenticator;

/**
 * Fresh random API tokens for each local run: one for a regulator, one per simulated enterprise and one per example
 * enterprise of the README's walk-through, so its examples never act for a simulated enterprise. The service
 * reads only their hashes ({@code api-tokens.sha256}); the plaintext tokens go to a file only the user can read
 * ({@code api-tokens.txt}), never to the console.
 */
final class LocalApiTokens {

    static final String HASH_FILE = "api-tokens.sha256";
    static final String PLAINTEXT_FILE = "api-tokens.txt";
    /** The enterprises of {@code producers/examples/enterprises.csv}. */
    static final List<String> EXAMPLE_ENTERPRISES = List.of("EX-E001", "EX-E002");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> tokensByRole;
    private final Path hashFile;
    private final Path plaintextFile;

    private LocalApiTokens(Map<String, String> tokensByRole, Path hashFile, Path plaintextFile) {
        this.tokensByRole = tokensByRole;
        this.hashFile = hashFile;
        this.plaintextFile = plaintextFile;
    }

    /**
     * New tokens for the regulator, simulated enterprises 1..{@code enterprises} and the {@link #EXAMPLE_ENTERPRISES},
     * written under {@code dataDirectory}.
     */
    static LocalApiTokens generate(Path dataDirectory, int enterprises) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(Caller.REGULATOR_ROLE, newToken());
        for (int i = 1; i <= enterprises; i++) {
            tokens.put(Caller.ENTERPRISE_ROLE_PREFIX + PopulationGenerator.enterpriseId(i), newToken());
        }
        EXAMPLE_ENTERPRISES.forEach(id -> tokens.put(Caller.ENTERPRISE_ROLE_PREFIX + id, newToken()));
        List<String> hashes = new ArrayList<>(List.of("# <sha-256 of token> <role>; written by the local run"));
        List<String> plaintext = new ArrayList<>(List.of("# <role> <token>; keep private"));
        tokens.forEach((role, token) -> {
            hashes.add(TokenAuthenticator.hash(token) + " " + role);
            plaintext.add(role + " " + token);
        });
        Path hashFile = dataDirectory.resolve(HASH_FILE);
        Path plaintextFile = dataDirectory.resolve(PLAINTEXT_FILE);
        try {
            Files.createDirectories(dataDirectory);
            Files.write(hashFile, hashes, StandardCharsets.UTF_8);
            Files.deleteIfExists(plaintextFile);
            Files.createFile(plaintextFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(plaintextFile, plaintext, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the API tokens under " + dataDirectory + ": " + e.getMessage(), e);
        }
        return new LocalApiTokens(tokens, hashFile, plaintextFile);
    }

    /** The file of hashes the service reads ({@code maturity.api.tokens-file}). */
    Path hashFile() {
        return hashFile;
    }

    /** The plaintext tokens (user-only file). */
    Path plaintextFile() {
        return plaintextFile;
    }

    /** Each role's token, the regulator first. */
    Map<String, String> tokensByRole() {
        return tokensByRole;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
