package org.pharmamaturity.producers.gateway;

import java.nio.file.Path;
import java.time.Instant;
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

    @Option(names = "--mqtt", paramLabel = "URI",
            description = "The plant's MQTT broker, tcp://host:1883 or ssl://host:8883.")
    String mqttUri;

    @Option(names = "--opcua", paramLabel = "URL",
            description = "The plant's OPC UA server, e.g. opc.tcp://plc-gw:4840/; the nodes come from the mapping's opcua: rules.")
    String opcUaUrl;

    @Option(names = "--opcua-security", defaultValue = "None",
            description = "OPC UA security policy: None or Basic256Sha256 (SignAndEncrypt) (default: ${DEFAULT-VALUE}).")
    String opcUaSecurity;

    @Option(names = "--opcua-keystore", paramLabel = "FILE",
            description = "PKCS#12 file with the gateway's private key and application certificate (Basic256Sha256).")
    Path opcUaKeyStore;

    @Option(names = "--opcua-keystore-password-file", paramLabel = "FILE", description = "File holding the key store's password.")
    Path opcUaKeyStorePasswordFile;

    @Option(names = "--opcua-pki-dir", paramLabel = "DIR",
            description = "Trust list: server certificates to trust go in DIR/trusted/certs; an untrusted one is put in DIR/rejected/certs.")
    Path opcUaPkiDir;

    @Option(names = "--opcua-username", description = "OPC UA user name (default: anonymous).")
    String opcUaUsername;

    @Option(names = "--opcua-password-file", paramLabel = "FILE", description = "File holding the OPC UA password.")
    Path opcUaPasswordFile;

    @Option(names = "--mqtt-client-id", defaultValue = "maturity-gateway",
            description = "MQTT client id; the broker keeps this session's messages while the gateway is away (default: ${DEFAULT-VALUE}).")
    String clientId;

    @Option(names = "--mqtt-username", description = "MQTT user name (default: anonymous).")
    String username;

    @Option(names = "--mqtt-password-file", paramLabel = "FILE", description = "File holding the MQTT password (first line).")
    Path passwordFile;

    @Option(names = "--mqtt-truststore", paramLabel = "FILE", description = "PKCS#12 trust store for ssl:// (default: the JVM's).")
    Path trustStore;

    @Option(names = "--mqtt-truststore-password-file", paramLabel = "FILE", description = "File holding the trust store's password.")
    Path trustStorePasswordFile;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Mapping file (YAML or JSON); default: the built-in UNS mapping.")
    Path mappingFile;

    @Option(names = "--equipment", paramLabel = "FILE",
            description = "Registered equipment (the ingest equipment file, .csv or .jsonl); messages for other equipment go"
                    + " to the dead-letter topic as UNKNOWN_EQUIPMENT. Default: accept any (the pipeline checks).")
    Path equipmentFile;

    @Option(names = "--buffer-dir", paramLabel = "DIR", defaultValue = "gateway-buffer",
            description = "Directory of the store-and-forward buffer (default: ${DEFAULT-VALUE}).")
    Path bufferDir;

    @Option(names = "--buffer-max-mb", defaultValue = "512", description = "Size bound of the buffer in MiB (default: ${DEFAULT-VALUE}).")
    long bufferMegabytes;

    @Option(names = "--buffer-full", defaultValue = "STOP_ACKNOWLEDGING",
            description = "When the buffer is full: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    BufferFullPolicy fullPolicy;

    @Option(names = "--metrics-host", defaultValue = "127.0.0.1", description = "Address of /metrics (default: ${DEFAULT-VALUE}).")
    String metricsHost;

    @Option(names = "--metrics-port", defaultValue = "9464", description = "Port of /metrics; 0 for a free one (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Override
    public Integer call() throws InterruptedException {
        if (mqttUri == null && opcUaUrl == null) {
            throw new ProducersException("name a plant source: --mqtt=tcp://host:1883 and/or --opcua=opc.tcp://host:4840/");
        }
        GatewayMapping mapping = mappingFile == null ? GatewayMapping.defaultMapping() : GatewayMapping.load(mappingFile);
        MqttSettings mqtt = mqttUri == null ? null : new MqttSettings(mqttUri, clientId, username,
                SecretFiles.read(passwordFile), trustStore, SecretFiles.read(trustStorePasswordFile));
        OpcUaSettings opcua = opcUaUrl == null ? null : new OpcUaSettings(opcUaUrl, opcUaSecurity, opcUaKeyStore,
                SecretFiles.read(opcUaKeyStorePasswordFile), opcUaPkiDir, opcUaUsername, SecretFiles.read(opcUaPasswordFile));
        GatewaySettings settings = new GatewaySettings(connection.settings(), mapping, knownEquipment(equipmentFile),
                mqtt, opcua, bufferDir, bufferMegabytes * 1024 * 1024, fullPolicy, metricsHost, metricsPort);
        CountDownLatch stopped = new CountDownLatch(1);
        try (Gateway gateway = Gateway.start(settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            System.out.printf("gateway: %s -> %s; buffer %s; metrics http://%s:%d/metrics (Ctrl-C stops)%n",
                    mqttUri == null ? opcUaUrl : mqttUri,
                    settings.producer().bootstrapServers(), bufferDir, metricsHost, gateway.metricsPort());
            stopped.await();
        }
        return 0;
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
}
