package org.pharmamaturity.schemas.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.config.ConfigDef;

/**
 * The one rule by which environment variables set configuration keys, for every component. A component owns a
 * namespace ({@code maturity} for the service, {@code producers} for the producers' CLI); a key is set by the
 * namespace in upper case, an underscore, and the key without its own {@code <namespace>.} prefix in upper case with
 * dots and hyphens as underscores: {@code maturity.api.port} by {@code MATURITY_API_PORT}, {@code bootstrap.servers}
 * by {@code MATURITY_BOOTSTRAP_SERVERS} (service) or {@code PRODUCERS_BOOTSTRAP_SERVERS} (producers),
 * {@code producers.config} by {@code PRODUCERS_CONFIG}. Since key names may hold hyphens, the rule runs from key to
 * name: a component looks up the names of the keys it knows.
 *
 * @param namespace the component's namespace, lower case
 */
public record EnvironmentVariables(String namespace) {

    /** The service: {@code MATURITY_*}. */
    public static final EnvironmentVariables SERVICE = new EnvironmentVariables("maturity");
    /** The producers' CLI: {@code PRODUCERS_*}. */
    public static final EnvironmentVariables PRODUCERS = new EnvironmentVariables("producers");

    /** The environment variable that sets {@code key}. */
    public String name(String key) {
        String own = namespace + ".";
        String bare = key.startsWith(own) ? key.substring(own.length()) : key;
        return (namespace + "_" + bare).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The values {@code environment} gives to any of {@code keys}, by key. */
    public Map<String, String> values(Collection<String> keys, Map<String, String> environment) {
        Map<String, String> values = new TreeMap<>();
        for (String key : keys) {
            String value = environment.get(name(key));
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    /**
     * The values a command line gives {@code definition}'s keys: {@code options} (by key; null or blank when not
     * given), else {@code environment} by this rule; what neither sets is left to the declared defaults.
     */
    public Map<String, Object> withOptions(ConfigDef definition, Map<String, ?> options, Map<String, String> environment) {
        Map<String, Object> values = GivenValues.of(values(definition.names(), environment));
        values.putAll(GivenValues.of(options));
        return values;
    }
}
