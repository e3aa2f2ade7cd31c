package org.pharmamaturity.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;

/**
 * How to reach the schema registry, read once from Confluent's config keys. Every key except
 * {@link #SCHEMA_REGISTRY_URL} may also be given with the {@code schema.registry.} prefix, which wins, as in
 * Confluent's clients.
 *
 * @param urls the registry's Confluent API base URLs, tried in turn when one is unreachable; a single
 *        {@code mock://<scope>} URL selects the in-memory registry of that scope
 * @param userInfo {@code user:password} for HTTP basic auth, if any (never logged)
 * @param trustStore the certificates an HTTPS registry is trusted by, when not the JVM's default ones
 * @param connectTimeout how long to wait for a TCP connection
 * @param requestTimeout how long to wait for an answer
 * @param maxRetries how many times to retry after an I/O error or a 5xx answer
 * @param retryWait the wait before the first retry; it doubles on each further retry
 * @param retryMaxWait the longest wait between retries
 * @param cacheCapacity how many schemas and ids to keep in each cache
 */
public record RegistryClientConfig(List<URI> urls, Optional<String> userInfo,
        Optional<RegistryTrustStore> trustStore, Duration connectTimeout,
        Duration requestTimeout, int maxRetries, Duration retryWait, Duration retryMaxWait, int cacheCapacity) {

    /** Comma-separated list of registry base URLs, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Where basic-auth credentials come from: {@code USER_INFO} or {@code URL} (the default). */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password}, used when {@link #BASIC_AUTH_CREDENTIALS_SOURCE} is {@code USER_INFO}. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Connect timeout in milliseconds (default 10000). */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    /** Request (read) timeout in milliseconds (default 30000). */
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    /** Retries after an I/O error or a 5xx answer (default 3). */
    public static final String MAX_RETRIES = "max.retries";
    /** Wait before the first retry in milliseconds (default 200), doubling per retry. */
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    /** Longest wait between retries in milliseconds (default 2000). */
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    /** Capacity of each schema and id cache (default 1000). */
    public static final String MAX_SCHEMAS_PER_SUBJECT = "max.schemas.per.subject";

    private static final String PREFIX = "schema.registry.";
    private static final String MOCK_SCHEME = "mock";

    public RegistryClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is required: set it to the registry's Confluent API,"
                    + " e.g. http://127.0.0.1:8081/apis/ccompat/v7");
        }
    }

    /** Reads the client settings from a Kafka-style config map. */
    public static RegistryClientConfig from(Map<String, ?> configs) {
        ConfigValues values = ConfigValues.of(configs);
        List<URI> urls = new ArrayList<>();
        Optional<String> urlUserInfo = Optional.empty();
        for (String text : values.list(SCHEMA_REGISTRY_URL)) {
            URI uri = parseUrl(text);
            if (uri.getUserInfo() != null) {
                urlUserInfo = Optional.of(uri.getUserInfo());
            }
            urls.add(MOCK_SCHEME.equals(uri.getScheme()) ? uri : withoutUserInfo(uri));
        }
        Optional<String> userInfo = switch (clientString(values, BASIC_AUTH_CREDENTIALS_SOURCE).orElse("URL")) {
            case "USER_INFO" -> Optional.of(clientString(values, BASIC_AUTH_USER_INFO)
                    .filter(u -> u.contains(":"))
                    .orElseThrow(() -> new ConfigException(BASIC_AUTH_USER_INFO
                            + " must be user:password when " + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO")));
            case "URL" -> {
                if (clientString(values, BASIC_AUTH_USER_INFO).isPresent()) {
                    throw new ConfigException(BASIC_AUTH_USER_INFO + " is set but " + BASIC_AUTH_CREDENTIALS_SOURCE
                            + " is not USER_INFO; set " + BASIC_AUTH_CREDENTIALS_SOURCE
                            + "=USER_INFO (Confluent's clients ignore the user info otherwise)");
                }
                yield urlUserInfo;
            }
            default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE,
                    clientString(values, BASIC_AUTH_CREDENTIALS_SOURCE).orElse(""),
                    "supported sources are USER_INFO and URL");
        };
        if (urls.size() > 1 && urls.stream().anyMatch(u -> MOCK_SCHEME.equals(u.getScheme()))) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, values.string(SCHEMA_REGISTRY_URL).orElse(""),
                    "a mock:// URL must be the only URL");
        }
        return new RegistryClientConfig(urls, userInfo, RegistryTrustStore.from(values),
                Duration.ofMillis(clientInt(values, HTTP_CONNECT_TIMEOUT_MS, 10_000, 1)),
                Duration.ofMillis(clientInt(values, HTTP_READ_TIMEOUT_MS, 30_000, 1)),
                clientInt(values, MAX_RETRIES, 3, 0),
                Duration.ofMillis(clientInt(values, RETRIES_WAIT_MS, 200, 0)),
                Duration.ofMillis(clientInt(values, RETRIES_MAX_WAIT_MS, 2_000, 0)),
                clientInt(values, MAX_SCHEMAS_PER_SUBJECT, 1_000, 1));
    }

    /** The scope name when the URL is {@code mock://<scope>}, the in-memory registry of tests. */
    public Optional<String> mockScope() {
        URI first = urls.get(0);
        return MOCK_SCHEME.equals(first.getScheme()) ? Optional.of(first.getAuthority()) : Optional.empty();
    }

    @Override
    public String toString() {
        // The credentials never appear in logs or exception messages.
        return "RegistryClientConfig[urls=" + urls + ", basicAuth=" + userInfo.isPresent() + ", trustStore="
                + trustStore.map(RegistryTrustStore::toString).orElse("default") + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries + "]";
    }

    private static Optional<String> clientString(ConfigValues values, String key) {
        return values.string(PREFIX + key).or(() -> values.string(key));
    }

    private static int clientInt(ConfigValues values, String key, int defaultValue, int min) {
        return values.raw(PREFIX + key).isPresent()
                ? values.integer(PREFIX + key, defaultValue, min)
                : values.integer(key, defaultValue, min);
    }

    private static URI parseUrl(String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if ((!http || uri.getHost() == null) && !MOCK_SCHEME.equals(uri.getScheme())) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, text,
                        "expected http(s)://host:port/path of the registry's Confluent API, or mock://scope");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, text, "not a URL: " + e.getMessage());
        }
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("rebuilding a valid URL without its user info failed: " + e, e);
        }
    }
}
