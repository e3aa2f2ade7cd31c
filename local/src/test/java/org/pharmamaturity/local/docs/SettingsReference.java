package org.pharmamaturity.local.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.kafka.common.config.ConfigDef;
import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.producers.gateway.GatewayConfig;
import org.pharmamaturity.schemas.config.EnvironmentVariables;
import org.pharmamaturity.schemas.registry.RegistryClientConfig;
import org.pharmamaturity.schemas.serde.AvroSerdeConfig;
import org.pharmamaturity.streams.config.ServiceSettings;

/**
 * Writes docs/settings.md from the {@link ConfigDef}s of every component, so the settings reference cannot drift
 * from the code: one table per component with each key's environment variable, type, default, valid values and
 * documentation. {@code SettingsReferenceTest} fails when the file differs.
 */
public final class SettingsReference {

    /** The file, relative to the repository root. */
    static final Path FILE = Path.of("docs", "settings.md");

    private record Component(String title, String introduction, ConfigDef definition,
                             UnaryOperator<String> environmentName) {
    }

    private SettingsReference() {
    }

    /** Rewrites docs/settings.md under the repository root given as the only argument (default: the parent dir). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "..");
        Files.writeString(root.resolve(FILE), markdown(), StandardCharsets.UTF_8);
    }

    /** The whole document. */
    static String markdown() {
        StringBuilder out = new StringBuilder("""
                # Settings

                Generated from the components' `ConfigDef` declarations by `SettingsReference` (local module, test
                sources); do not edit by hand. Durations are ISO-8601 (`PT1H`, `P1D`).

                Environment variables follow one rule (`EnvironmentVariables`): the component's namespace in upper
                case, an underscore, then the key without its own `<namespace>.` prefix in upper case with dots and
                hyphens as underscores: `maturity.api.port` is `MATURITY_API_PORT`, `bootstrap.servers` is
                `MATURITY_BOOTSTRAP_SERVERS` for the service and `PRODUCERS_BOOTSTRAP_SERVERS` for the producers.
                """);
        for (Component component : components()) {
            out.append("\n## ").append(component.title()).append("\n\n").append(component.introduction())
                    .append("\n\n| key | environment variable | type | default | valid values | documentation |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (ConfigDef.ConfigKey key : component.definition().configKeys().values()) {
                out.append("| `").append(key.name).append("` | `").append(component.environmentName().apply(key.name))
                        .append("` | ").append(key.type.name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                        .append(defaultText(key)).append(" | ")
                        .append(key.validator == null ? "" : cell(key.validator.toString())).append(" | ")
                        .append(cell(key.documentation)).append(" |\n");
            }
        }
        return out.toString();
    }

    private static List<Component> components() {
        UnaryOperator<String> service = EnvironmentVariables.SERVICE::name;
        return List.of(
                new Component("Streams service", """
                        `MaturityStreamsService [service.properties]`: the declared defaults, then the properties file,
                        then the environment. Every key not starting with `maturity.` also goes unchanged to Kafka
                        Streams, its clients and the serdes, and every Kafka Streams, producer, consumer, admin, registry
                        and serde key can be set by the environment (`MATURITY_SECURITY_PROTOCOL`,
                        `MATURITY_SASL_JAAS_CONFIG`, `MATURITY_BASIC_AUTH_USER_INFO`).""",
                        ServiceSettings.configDef(), service),
                new Component("Schema registry client", """
                        Confluent's keys, read by every serde and registry client. Each key but `schema.registry.url`
                        and the trust store's may also be given with the `schema.registry.` prefix, which wins. The
                        service takes them from its settings (variables below); the producers from their
                        `--producer-config` file.""",
                        RegistryClientConfig.configDef(), service),
                new Component("Avro serde", """
                        Confluent's `KafkaAvroSerializer`/`KafkaAvroDeserializer` keys, so either serde can be swapped
                        in by configuration. Set as the registry client's keys.""",
                        AvroSerdeConfig.configDef(), service),
                new Component("Producers", """
                        The producers' CLI (`simulate`, `ingest`, `load`, `topics`, `replay`, `gateway`):
                        command-line options win over the environment, which wins over the defaults.
                        `SCHEMA_REGISTRY_URL` is still read when `PRODUCERS_SCHEMA_REGISTRY_URL` is not set.""",
                        ProducerSettings.configDef(), EnvironmentVariables.PRODUCERS::name),
                new Component("Plant gateway", """
                        `producers gateway`: each setting also has a command-line option (`--mqtt`,
                        `--buffer-max-mb`, ...; `producers gateway --help`), which wins over the environment. Secrets
                        are read from the files these settings name, never given as values.""",
                        GatewayConfig.configDef(), EnvironmentVariables.PRODUCERS::name));
    }

    private static String defaultText(ConfigDef.ConfigKey key) {
        if (key.defaultValue == null) {
            return "";
        }
        String text = key.defaultValue instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf)
                .toList()) : String.valueOf(key.defaultValue);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
