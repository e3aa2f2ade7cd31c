package org.pharmamaturity.benchmarks.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.pharmamaturity.streams.api.Caller;
import org.pharmamaturity.streams.api.TokenAuthenticator;

/**
 * A fresh regulator token for one soak: the service reads only its hash from a file (as in the local run); the
 * token itself stays in this JVM for the API load.
 *
 * @param token the bearer token
 * @param hashFile the {@code maturity.api.tokens-file} holding its hash
 */
record RegulatorToken(String token, Path hashFile) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token, its hash written to {@code api-tokens.sha256} under {@code directory}. */
    static RegulatorToken create(Path directory) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path hashFile = directory.resolve("api-tokens.sha256");
        try {
            Files.createDirectories(directory);
            Files.write(hashFile, List.of(TokenAuthenticator.hash(token) + " " + Caller.REGULATOR_ROLE),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the soak's API token hash to " + hashFile, e);
        }
        return new RegulatorToken(token, hashFile);
    }
}
