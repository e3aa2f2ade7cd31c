package org.pharmamaturity.schemas.registry;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;
import static org.apache.kafka.common.config.ConfigDef.Type.INT;
import static org.apache.kafka.common.config.ConfigDef.Type.LIST;
import static org.apache.kafka.common.config.ConfigDef.Type.PASSWORD;
import static org.apache.kafka.common.config.ConfigDef.Type.STRING;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.pharmamaturity.schemas.config.Expectation;
import org.pharmamaturity.schemas.config.GivenValues;

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

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    public static final String MAX_SCHEMAS_PER_SUBJECT = "max.schemas.per.subject";

    private static final String PREFIX = "schema.registry.";
    private static final String MOCK_SCHEME = "mock";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, LIST, List.of(), HIGH, "The registry's Confluent API base URLs, tried in"
                    + " turn when one is unreachable, e.g. http://127.0.0.1:8081/apis/ccompat/v7; a single mock://<scope>"
                    + " selects the in-memory registry of that scope (tests). Required.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, STRING, "URL", Expectation.oneOf("USER_INFO", "URL"), MEDIUM,
                    "Where basic-auth credentials come from: " + BASIC_AUTH_USER_INFO + " or the URL's user info.")
            .define(BASIC_AUTH_USER_INFO, PASSWORD, null, MEDIUM,
                    "user:password, used when " + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO (never logged).")
            .define(RegistryTrustStore.LOCATION, STRING, null, MEDIUM, "The trust store an HTTPS registry is trusted"
                    + " by, when not the JVM's default one; only with this prefix, as Kafka's own ssl.* are the broker's.")
            .define(RegistryTrustStore.PASSWORD, PASSWORD, null, MEDIUM, "The trust store's password.")
            .define(RegistryTrustStore.TYPE, STRING, "PKCS12", LOW, "The trust store's type: PKCS12 or JKS.")
            .define(HTTP_CONNECT_TIMEOUT_MS, INT, 10_000, Expectation.wholeNumber(1, Integer.MAX_VALUE), LOW,
                    "How long to wait for a TCP connection, in milliseconds.")
            .define(HTTP_READ_TIMEOUT_MS, INT, 30_000, Expectation.wholeNumber(1, Integer.MAX_VALUE), LOW,
                    "How long to wait for an answer, in milliseconds.")
            .define(MAX_RETRIES, INT, 3, Expectation.wholeNumber(0, Integer.MAX_VALUE), LOW,
                    "Retries after an I/O error or a 5xx answer.")
            .define(RETRIES_WAIT_MS, INT, 200, Expectation.wholeNumber(0, Integer.MAX_VALUE), LOW,
                    "Wait before the first retry, in milliseconds; it doubles on each further retry.")
            .define(RETRIES_MAX_WAIT_MS, INT, 2_000, Expectation.wholeNumber(0, Integer.MAX_VALUE), LOW,
                    "Longest wait between retries, in milliseconds.")
            .define(MAX_SCHEMAS_PER_SUBJECT, INT, 1_000, Expectation.wholeNumber(1, Integer.MAX_VALUE), LOW,
                    "Capacity of each schema and id cache.");

    public RegistryClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is required: set it to the registry's Confluent API,"
                    + " e.g. http://127.0.0.1:8081/apis/ccompat/v7");
        }
    }

    /**
     * Every setting of the client. Each but {@link #SCHEMA_REGISTRY_URL} and the trust store's may also be given
     * with the {@code schema.registry.} prefix, which wins.
     */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /** Reads the client settings from a Kafka-style config map. */
    public static RegistryClientConfig from(Map<String, ?> configs) {
        Map<String, Object> given = GivenValues.of(configs);
        CONFIG.names().stream().filter(key -> given.containsKey(PREFIX + key))
                .forEach(key -> given.put(key, given.get(PREFIX + key)));
        AbstractConfig values = new AbstractConfig(CONFIG, given, false);
        List<URI> urls = new ArrayList<>();
        Optional<String> urlUserInfo = Optional.empty();
        // A list given as a list, not as text, is neither trimmed nor typed by the ConfigDef.
        for (Object text : values.getList(SCHEMA_REGISTRY_URL)) {
            if (String.valueOf(text).isBlank()) {
                continue;
            }
            URI uri = parseUrl(String.valueOf(text).trim());
            if (uri.getUserInfo() != null) {
                urlUserInfo = Optional.of(uri.getUserInfo());
            }
            urls.add(MOCK_SCHEME.equals(uri.getScheme()) ? uri : withoutUserInfo(uri));
        }
        Password configured = values.getPassword(BASIC_AUTH_USER_INFO);
        boolean fromUserInfo = "USER_INFO".equals(values.getString(BASIC_AUTH_CREDENTIALS_SOURCE));
        if (fromUserInfo && (configured == null || !configured.value().contains(":"))) {
            throw new ConfigException(BASIC_AUTH_USER_INFO + " must be user:password when " + BASIC_AUTH_CREDENTIALS_SOURCE
                    + " is USER_INFO");
        }
        if (!fromUserInfo && configured != null) {
            throw new ConfigException(BASIC_AUTH_USER_INFO + " is set but " + BASIC_AUTH_CREDENTIALS_SOURCE
                    + " is not USER_INFO; set " + BASIC_AUTH_CREDENTIALS_SOURCE
                    + "=USER_INFO (Confluent's clients ignore the user info otherwise)");
        }
        Optional<String> userInfo = fromUserInfo ? Optional.of(configured.value()) : urlUserInfo;
        if (urls.size() > 1 && urls.stream().anyMatch(u -> MOCK_SCHEME.equals(u.getScheme()))) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, urls.toString(), "a mock:// URL must be the only URL");
        }
        return new RegistryClientConfig(urls, userInfo, RegistryTrustStore.from(values),
                Duration.ofMillis(values.getInt(HTTP_CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(values.getInt(HTTP_READ_TIMEOUT_MS)), values.getInt(MAX_RETRIES),
                Duration.ofMillis(values.getInt(RETRIES_WAIT_MS)), Duration.ofMillis(values.getInt(RETRIES_MAX_WAIT_MS)),
                values.getInt(MAX_SCHEMAS_PER_SUBJECT));
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
