package org.pharmamaturity.streams.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The REST API's settings: where it listens, the {@code host:port} other instances reach it on (Kafka Streams'
 * {@code application.server}), where the hashed bearer tokens come from, and the largest request body accepted.
 *
 * @param port the port; 0 takes any free one (tests)
 * @param bindAddress the address the server listens on
 * @param advertisedHost the host other instances use to forward requests here
 * @param tokensFile a file of {@code <sha-256 hex> <role>} lines, if any
 * @param inlineTokens the same entries separated by commas or newlines (e.g. from {@code MATURITY_API_TOKENS})
 * @param maxBodyBytes the largest request body accepted
 * @param minGroupSize the fewest enterprises a group (sector) must have for a caller other than a regulator to see
 *        its statistics, in the API and in {@code /metrics}; below it only the number of enterprises is served
 */
public record ApiSettings(int port, String bindAddress, String advertisedHost, Optional<Path> tokensFile,
        String inlineTokens, int maxBodyBytes, int minGroupSize) {
}
