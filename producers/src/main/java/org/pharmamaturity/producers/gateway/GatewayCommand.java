package org.pharmamaturity.producers.gateway;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

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
import picocli.CommandLine.Option;

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

    /** The gateway's options; picocli sets a field only when its option is given. */
    public static final class GatewayOptions {

        @Option(names = "--mqtt", paramLabel = "URI",
                description = "the plant's MQTT broker, tcp://host:1883 or ssl://host:8883; setting " + GatewayConfig.MQTT_URI + ".")
        String mqttUri;

        @Option(names = "--opcua", paramLabel = "URL",
                description = "the plant's OPC UA server, e.g. opc.tcp://plc-gw:4840/; setting " + GatewayConfig.OPCUA_URL + ".")
        String opcUaUrl;

        @Option(names = "--opcua-security", paramLabel = "POLICY",
                description = "None or Basic256Sha256 (default None); setting " + GatewayConfig.OPCUA_SECURITY + ".")
        String opcUaSecurity;

        @Option(names = "--opcua-keystore", paramLabel = "FILE",
                description = "PKCS#12 key store of the gateway's key and certificate (Basic256Sha256); setting "
                        + GatewayConfig.OPCUA_KEYSTORE + ".")
        String opcUaKeyStore;

        @Option(names = "--opcua-keystore-password-file", paramLabel = "FILE",
                description = "file holding the key store's password; setting " + GatewayConfig.OPCUA_KEYSTORE_PASSWORD_FILE + ".")
        String opcUaKeyStorePasswordFile;

        @Option(names = "--opcua-pki-dir", paramLabel = "DIR",
                description = "trust list directory: DIR/trusted/certs, DIR/rejected/certs; setting " + GatewayConfig.OPCUA_PKI_DIR + ".")
        String opcUaPkiDir;

        @Option(names = "--opcua-username", paramLabel = "USER",
                description = "OPC UA user name (default: anonymous); setting " + GatewayConfig.OPCUA_USERNAME + ".")
        String opcUaUsername;

        @Option(names = "--opcua-password-file", paramLabel = "FILE",
                description = "file holding the OPC UA password; setting " + GatewayConfig.OPCUA_PASSWORD_FILE + ".")
        String opcUaPasswordFile;

        @Option(names = "--mqtt-client-id", paramLabel = "ID",
                description = "MQTT client id (default maturity-gateway); setting " + GatewayConfig.MQTT_CLIENT_ID + ".")
        String clientId;

        @Option(names = "--mqtt-username", paramLabel = "USER",
                description = "MQTT user name (default: anonymous); setting " + GatewayConfig.MQTT_USERNAME + ".")
        String username;

        @Option(names = "--mqtt-password-file", paramLabel = "FILE",
                description = "file holding the MQTT password (first line); setting " + GatewayConfig.MQTT_PASSWORD_FILE + ".")
        String passwordFile;

        @Option(names = "--mqtt-truststore", paramLabel = "FILE",
                description = "PKCS#12 trust store for ssl:// (default: the JVM's); setting " + GatewayConfig.MQTT_TRUSTSTORE + ".")
        String trustStore;

        @Option(names = "--mqtt-truststore-password-file", paramLabel = "FILE",
                description = "file holding the trust store's password; setting " + GatewayConfig.MQTT_TRUSTSTORE_PASSWORD_FILE + ".")
        String trustStorePasswordFile;

        @Option(names = "--mapping", paramLabel = "FILE",
                description = "mapping file, YAML or JSON (default: the built-in UNS mapping); setting " + GatewayConfig.MAPPING + ".")
        String mappingFile;

        @Option(names = "--equipment", paramLabel = "FILE",
                description = "registered equipment (ingest equipment file); others are dead-lettered (default: accept any);"
                        + " setting " + GatewayConfig.EQUIPMENT + ".")
        String equipmentFile;

        @Option(names = "--buffer-dir", paramLabel = "DIR",
                description = "store-and-forward buffer directory (default gateway-buffer); setting " + GatewayConfig.BUFFER_DIR + ".")
        String bufferDir;

        @Option(names = "--buffer-max-mb", paramLabel = "MIB",
                description = "the buffer's size bound in MiB (default 512); setting " + GatewayConfig.BUFFER_MAX_MB + ".")
        String bufferMegabytes;

        @Option(names = "--buffer-full", paramLabel = "POLICY",
                description = "when the buffer is full: STOP_ACKNOWLEDGING (default) or DROP_OLDEST; setting " + GatewayConfig.BUFFER_FULL + ".")
        String fullPolicy;

        @Option(names = "--metrics-host", paramLabel = "HOST",
                description = "address of /metrics (default 127.0.0.1); setting " + GatewayConfig.METRICS_HOST + ".")
        String metricsHost;

        @Option(names = "--metrics-port", paramLabel = "PORT",
                description = "port of /metrics, 0 for a free one (default 9464); setting " + GatewayConfig.METRICS_PORT + ".")
        String metricsPort;

        Map<String, String> byKey() {
            Map<String, String> values = new HashMap<>();
            values.put(GatewayConfig.MQTT_URI, mqttUri);
            values.put(GatewayConfig.OPCUA_URL, opcUaUrl);
            values.put(GatewayConfig.OPCUA_SECURITY, opcUaSecurity);
            values.put(GatewayConfig.OPCUA_KEYSTORE, opcUaKeyStore);
            values.put(GatewayConfig.OPCUA_KEYSTORE_PASSWORD_FILE, opcUaKeyStorePasswordFile);
            values.put(GatewayConfig.OPCUA_PKI_DIR, opcUaPkiDir);
            values.put(GatewayConfig.OPCUA_USERNAME, opcUaUsername);
            values.put(GatewayConfig.OPCUA_PASSWORD_FILE, opcUaPasswordFile);
            values.put(GatewayConfig.MQTT_CLIENT_ID, clientId);
            values.put(GatewayConfig.MQTT_USERNAME, username);
            values.put(GatewayConfig.MQTT_PASSWORD_FILE, passwordFile);
            values.put(GatewayConfig.MQTT_TRUSTSTORE, trustStore);
            values.put(GatewayConfig.MQTT_TRUSTSTORE_PASSWORD_FILE, trustStorePasswordFile);
            values.put(GatewayConfig.MAPPING, mappingFile);
            values.put(GatewayConfig.EQUIPMENT, equipmentFile);
            values.put(GatewayConfig.BUFFER_DIR, bufferDir);
            values.put(GatewayConfig.BUFFER_MAX_MB, bufferMegabytes);
            values.put(GatewayConfig.BUFFER_FULL, fullPolicy);
            values.put(GatewayConfig.METRICS_HOST, metricsHost);
            values.put(GatewayConfig.METRICS_PORT, metricsPort);
            return values;
        }
    }
}
