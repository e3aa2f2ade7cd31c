package org.pharmamaturity.producers.gateway;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.producers.ConnectionOptions;
import org.pharmamaturity.producers.ProducersException;
import org.pharmamaturity.producers.ingest.ColumnMapping;
import org.pharmamaturity.producers.ingest.FileValidator;
import org.pharmamaturity.producers.ingest.IngestKind;
import org.pharmamaturity.producers.ingest.ParsedRecord;
import org.pharmamaturity.producers.ingest.Validation;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.config.EnvironmentVariables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** {@code gateway}: turns a plant's MQTT messages and OPC UA values into the pipeline's records until Ctrl-C. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = {"Subscribe to a plant's MQTT broker and/or OPC UA server and publish what it says as the "
                + "pipeline's records: states, counts and telemetry, mapped by a mapping file (default: the UNS tree "
                + "<enterprise>/<site>/<area>/<line>/<equipment>/<kind>, see docs/gateway.md).",
                "Records wait in an on-disk buffer while Kafka or the registry is unreachable and are sent in order "
                        + "when it returns. Messages that cannot be mapped go to maturity.dlq with their reason. "
                        + "Serves /metrics. Runs until Ctrl-C."})
public final class GatewayCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    /**
     * The options, by the key of the setting each sets ({@link GatewayConfig}: type, default, validation and
     * documentation are declared there once); an option not given is left to the environment and the default.
     */
    @Mixin
    GatewayOptions options;

    @Override
    public Integer call() throws InterruptedException {
        GatewaySettings settings = settings(GatewayConfig.resolve(options.byKey(), System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        try (Gateway gateway = Gateway.start(settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            System.out.printf("gateway: %s -> %s; buffer %s; metrics http://%s:%d/metrics (Ctrl-C stops)%n",
                    settings.mqtt() == null ? settings.opcua().endpointUrl() : settings.mqtt().serverUri(),
                    settings.producer().bootstrapServers(), settings.bufferDir(), settings.metricsHost(),
                    gateway.metricsPort());
            stopped.await();
        }
        return 0;
    }

    /** What a running gateway needs, from the resolved settings (secrets read from their files). */
    GatewaySettings settings(GatewayConfig config) {
        String mqttUri = config.getString(GatewayConfig.MQTT_URI);
        String opcUaUrl = config.getString(GatewayConfig.OPCUA_URL);
        if (mqttUri == null && opcUaUrl == null) {
            throw new ProducersException("name a plant source: --mqtt=tcp://host:1883 and/or --opcua=opc.tcp://host:4840/"
                    + " (or $" + EnvironmentVariables.PRODUCERS.name(GatewayConfig.MQTT_URI) + ", $"
                    + EnvironmentVariables.PRODUCERS.name(GatewayConfig.OPCUA_URL) + ")");
        }
        Path mappingFile = config.path(GatewayConfig.MAPPING);
        GatewayMapping mapping = mappingFile == null ? GatewayMapping.defaultMapping() : GatewayMapping.load(mappingFile);
        MqttSettings mqtt = mqttUri == null ? null : new MqttSettings(mqttUri, config.getString(GatewayConfig.MQTT_CLIENT_ID),
                config.getString(GatewayConfig.MQTT_USERNAME), SecretFiles.read(config.path(GatewayConfig.MQTT_PASSWORD_FILE)),
                config.path(GatewayConfig.MQTT_TRUSTSTORE),
                SecretFiles.read(config.path(GatewayConfig.MQTT_TRUSTSTORE_PASSWORD_FILE)));
        OpcUaSettings opcua = opcUaUrl == null ? null : new OpcUaSettings(opcUaUrl,
                config.getString(GatewayConfig.OPCUA_SECURITY), config.path(GatewayConfig.OPCUA_KEYSTORE),
                SecretFiles.read(config.path(GatewayConfig.OPCUA_KEYSTORE_PASSWORD_FILE)),
                config.path(GatewayConfig.OPCUA_PKI_DIR), config.getString(GatewayConfig.OPCUA_USERNAME),
                SecretFiles.read(config.path(GatewayConfig.OPCUA_PASSWORD_FILE)));
        return new GatewaySettings(connection.settings(), mapping, knownEquipment(config.path(GatewayConfig.EQUIPMENT)),
                mqtt, opcua, config.path(GatewayConfig.BUFFER_DIR), config.bufferBytes(), config.fullPolicy(),
                config.getString(GatewayConfig.METRICS_HOST), config.getInt(GatewayConfig.METRICS_PORT));
    }

    /** The equipment ids of an ingest equipment file, refused whole when any row is bad. */
    static Set<String> knownEquipment(Path file) {
        if (file == null) {
            return null;
        }
        Validation validation = new FileValidator(ModelRegistry.builtIn(), ColumnMapping.NONE, Instant.now())
                .validate(file, IngestKind.equipment);
        if (!validation.clean()) {
            throw new ProducersException("--equipment " + file + " has bad rows: " + validation.problems());
        }
        return validation.records().stream().map(ParsedRecord::value).map(Equipment.class::cast)
                .map(Equipment::getEquipmentId).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The gateway's options, one per setting of {@link GatewayConfig}: only the option's name and parameter label are
     * here; its description is the setting's documentation and default. Added to the command that mixes this in
     * (a mixin needs {@code @Command} or an annotated member to be one).
     */
    @Command
    public static final class GatewayOptions {

        private record Row(String option, String key, String paramLabel) {
        }

        private static final List<Row> ROWS = List.of(
                new Row("--mqtt", GatewayConfig.MQTT_URI, "URI"),
                new Row("--opcua", GatewayConfig.OPCUA_URL, "URL"),
                new Row("--opcua-security", GatewayConfig.OPCUA_SECURITY, "POLICY"),
                new Row("--opcua-keystore", GatewayConfig.OPCUA_KEYSTORE, "FILE"),
                new Row("--opcua-keystore-password-file", GatewayConfig.OPCUA_KEYSTORE_PASSWORD_FILE, "FILE"),
                new Row("--opcua-pki-dir", GatewayConfig.OPCUA_PKI_DIR, "DIR"),
                new Row("--opcua-username", GatewayConfig.OPCUA_USERNAME, "USER"),
                new Row("--opcua-password-file", GatewayConfig.OPCUA_PASSWORD_FILE, "FILE"),
                new Row("--mqtt-client-id", GatewayConfig.MQTT_CLIENT_ID, "ID"),
                new Row("--mqtt-username", GatewayConfig.MQTT_USERNAME, "USER"),
                new Row("--mqtt-password-file", GatewayConfig.MQTT_PASSWORD_FILE, "FILE"),
                new Row("--mqtt-truststore", GatewayConfig.MQTT_TRUSTSTORE, "FILE"),
                new Row("--mqtt-truststore-password-file", GatewayConfig.MQTT_TRUSTSTORE_PASSWORD_FILE, "FILE"),
                new Row("--mapping", GatewayConfig.MAPPING, "FILE"),
                new Row("--equipment", GatewayConfig.EQUIPMENT, "FILE"),
                new Row("--buffer-dir", GatewayConfig.BUFFER_DIR, "DIR"),
                new Row("--buffer-max-mb", GatewayConfig.BUFFER_MAX_MB, "MIB"),
                new Row("--buffer-full", GatewayConfig.BUFFER_FULL, "POLICY"),
                new Row("--metrics-host", GatewayConfig.METRICS_HOST, "HOST"),
                new Row("--metrics-port", GatewayConfig.METRICS_PORT, "PORT"));

        /** The options added to the command, by setting key. */
        private final Map<String, OptionSpec> options = new LinkedHashMap<>();

        /** Picocli calls this while it builds the command's model, which is when options can still be added. */
        @Spec(Spec.Target.MIXEE)
        void addTo(CommandSpec command) {
            Map<String, ConfigKey> settings = GatewayConfig.configDef().configKeys();
            options.clear();
            for (Row row : ROWS) {
                ConfigKey setting = settings.get(row.key());
                OptionSpec option = OptionSpec.builder(row.option()).paramLabel(row.paramLabel()).type(String.class)
                        .description(description(setting)).build();
                command.addOption(option);
                options.put(row.key(), option);
            }
        }

        private static String description(ConfigKey setting) {
            String fallback = setting.hasDefault() && setting.defaultValue != null ? ", else " + setting.defaultValue : "";
            return setting.documentation + " Setting " + setting.name + " (default: $"
                    + EnvironmentVariables.PRODUCERS.name(setting.name) + fallback + ").";
        }

        /** Each setting's value on the command line, null when its option was not given. */
        Map<String, String> byKey() {
            Map<String, String> values = new HashMap<>();
            options.forEach((key, option) -> values.put(key, option.getValue()));
            return values;
        }
    }
}
