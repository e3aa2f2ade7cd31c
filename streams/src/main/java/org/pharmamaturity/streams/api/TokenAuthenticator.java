package org.pharmamaturity.streams.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.pharmamaturity.streams.config.ApiSettings;
import org.pharmamaturity.streams.config.SettingsException;

/**
 * Checks bearer tokens against the configured SHA-256 hashes (a token file and/or inline entries, one
 * {@code <sha-256 hex of token> <role>} each; {@code #} starts a comment). Only hashes are kept, every hash is
 * compared in constant time, and no token or hash is ever logged or put in a message.
 */
public final class TokenAuthenticator {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String BEARER = "Bearer ";

    private record Entry(byte[] hash, Caller caller) {
    }

    private final List<Entry> entries;

    private TokenAuthenticator(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The tokens of the settings; {@link SettingsException} naming every bad line (never its content). */
    public static TokenAuthenticator load(ApiSettings settings) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (settings.tokensFile().isPresent()) {
            Path file = settings.tokensFile().get();
            try {
                parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString(), entries, problems);
            } catch (IOException e) {
                problems.add(file + ": cannot read the token file (" + e.getClass().getSimpleName() + ")");
            }
        }
        parse(List.of(settings.inlineTokens().split("[,\\n]")), "maturity.api.tokens", entries, problems);
        if (!problems.isEmpty()) {
            throw new SettingsException("the API token settings", problems);
        }
        return new TokenAuthenticator(entries);
    }

    /** The hex SHA-256 of a token, as token files hold it. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** How many tokens are configured (the service warns when there are none). */
    public int size() {
        return entries.size();
    }

    /** The caller of an {@code Authorization} header value; 401 when it is missing or no token matches. */
    Caller authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized("Send 'Authorization: Bearer <token>'; ask the operator for a token.");
        }
        byte[] presented = sha256(authorization.substring(BEARER.length()).trim());
        Caller match = null;
        for (Entry entry : entries) {
            // Every entry is compared, so the time taken does not tell which one matched.
            if (MessageDigest.isEqual(presented, entry.hash()) && match == null) {
                match = entry.caller();
            }
        }
        if (match == null) {
            throw ApiException.unauthorized("The bearer token is not valid; ask the operator for a token.");
        }
        return match;
    }

    private static void parse(List<String> lines, String source, List<Entry> entries, List<String> problems) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            String content = (comment < 0 ? line : line.substring(0, comment)).trim();
            if (content.isEmpty()) {
                continue;
            }
            String[] parts = content.split("\\s+");
            Optional<Caller> caller = parts.length == 2 ? Caller.ofRole(parts[1]) : Optional.empty();
            if (!SHA256_HEX.matcher(parts[0]).matches() || caller.isEmpty()) {
                problems.add(source + " entry " + (i + 1) + ": expected '<sha-256 hex of the token> <role>' with role"
                        + " 'regulator' or 'enterprise:<id>' (write the hash, never the token itself)");
                continue;
            }
            entries.add(new Entry(HexFormat.of().parseHex(parts[0].toLowerCase(java.util.Locale.ROOT)), caller.get()));
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
