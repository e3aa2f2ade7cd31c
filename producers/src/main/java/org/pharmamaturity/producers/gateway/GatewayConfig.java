package org.pharmamaturity.producers.gateway;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;
import static org.apache.kafka.common.config.ConfigDef.Type.INT;
import static org.apache.kafka.common.config.ConfigDef.Type.STRING;

import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.pharmamaturity.schemas.config.EnvironmentVariables;
import org.pharmamaturity.schemas.config.Expectation;

/**
 * The gateway's own settings, declared once: the plant's sources, the buffer and {@code /metrics}. Each is set by
 * its command-line option, else by the environment ({@link EnvironmentVariables#PRODUCERS}'s rule:
 * {@code gateway.mqtt.uri} by {@code PRODUCERS_GATEWAY_MQTT_URI}), else by its default. Secrets are never values
 * here, only the files that hold them.
 */
public final class GatewayConfig extends AbstractConfig {

    public static final String MQTT_URI = "gateway.mqtt.uri";
    public static final String MQTT_CLIENT_ID = "gateway.mqtt.client-id";
    public static final String MQTT_USERNAME = "gateway.mqtt.username";
    public static final String MQTT_PASSWORD_FILE = "gateway.mqtt.password-file";
    public static final String MQTT_TRUSTSTORE = "gateway.mqtt.truststore";
    public static final String MQTT_TRUSTSTORE_PASSWORD_FILE = "gateway.mqtt.truststore-password-file";
    public static final String OPCUA_URL = "gateway.opcua.url";
    public static final String OPCUA_SECURITY = "gateway.opcua.security";
    public static final String OPCUA_KEYSTORE = "gateway.opcua.keystore";
    public static final String OPCUA_KEYSTORE_PASSWORD_FILE = "gateway.opcua.keystore-password-file";
    public static final String OPCUA_PKI_DIR = "gateway.opcua.pki-dir";
    public static final String OPCUA_USERNAME = "gateway.opcua.username";
    public static final String OPCUA_PASSWORD_FILE = "gateway.opcua.password-file";
    public static final String MAPPING = "gateway.mapping";
    public static final String EQUIPMENT = "gateway.equipment";
    public static final String BUFFER_DIR = "gateway.buffer.dir";
    public static final String BUFFER_MAX_MB = "gateway.buffer.max-mb";
    public static final String BUFFER_FULL = "gateway.buffer.full";
    public static final String METRICS_HOST = "gateway.metrics.host";
    public static final String METRICS_PORT = "gateway.metrics.port";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(MQTT_URI, STRING, null, HIGH, "The plant's MQTT broker, tcp://host:1883 or ssl://host:8883"
                    + " (option --mqtt); the gateway needs it or an OPC UA server.")
            .define(MQTT_CLIENT_ID, STRING, "maturity-gateway", MEDIUM, "MQTT client id; the broker keeps this"
                    + " session's messages while the gateway is away (option --mqtt-client-id).")
            .define(MQTT_USERNAME, STRING, null, MEDIUM, "MQTT user name; none: anonymous (option --mqtt-username).")
            .define(MQTT_PASSWORD_FILE, STRING, null, MEDIUM, "File holding the MQTT password, first line (option"
                    + " --mqtt-password-file).")
            .define(MQTT_TRUSTSTORE, STRING, null, MEDIUM, "PKCS#12 trust store for ssl://; none: the JVM's (option"
                    + " --mqtt-truststore).")
            .define(MQTT_TRUSTSTORE_PASSWORD_FILE, STRING, null, LOW, "File holding the trust store's password"
                    + " (option --mqtt-truststore-password-file).")
            .define(OPCUA_URL, STRING, null, HIGH, "The plant's OPC UA server, e.g. opc.tcp://plc-gw:4840/; the nodes"
                    + " come from the mapping's opcua: rules (option --opcua).")
            .define(OPCUA_SECURITY, STRING, "None", Expectation.oneOf("None", "Basic256Sha256"), MEDIUM,
                    "OPC UA security policy; Basic256Sha256 signs and encrypts (option --opcua-security).")
            .define(OPCUA_KEYSTORE, STRING, null, MEDIUM, "PKCS#12 file with the gateway's private key and"
                    + " application certificate, for Basic256Sha256 (option --opcua-keystore).")
            .define(OPCUA_KEYSTORE_PASSWORD_FILE, STRING, null, LOW, "File holding the key store's password (option"
                    + " --opcua-keystore-password-file).")
            .define(OPCUA_PKI_DIR, STRING, null, MEDIUM, "Trust list: server certificates to trust go in"
                    + " DIR/trusted/certs; an untrusted one is put in DIR/rejected/certs (option --opcua-pki-dir).")
            .define(OPCUA_USERNAME, STRING, null, MEDIUM, "OPC UA user name; none: anonymous (option"
                    + " --opcua-username).")
            .define(OPCUA_PASSWORD_FILE, STRING, null, LOW, "File holding the OPC UA password (option"
                    + " --opcua-password-file).")
            .define(MAPPING, STRING, null, HIGH, "Mapping file (YAML or JSON); none: the built-in UNS mapping"
                    + " (option --mapping).")
            .define(EQUIPMENT, STRING, null, MEDIUM, "Registered equipment (the ingest equipment file, .csv or"
                    + " .jsonl); messages for other equipment go to the dead-letter topic as UNKNOWN_EQUIPMENT; none:"
                    + " accept any, the pipeline checks (option --equipment).")
            .define(BUFFER_DIR, STRING, "gateway-buffer", MEDIUM, "Directory of the store-and-forward buffer (option"
                    + " --buffer-dir).")
            .define(BUFFER_MAX_MB, INT, 512, Expectation.wholeNumber(1, 1_048_576), MEDIUM, "Size bound of the buffer"
                    + " in MiB (option --buffer-max-mb).")
            .define(BUFFER_FULL, STRING, BufferFullPolicy.STOP_ACKNOWLEDGING.name(),
                    Expectation.oneOf(BufferFullPolicy.STOP_ACKNOWLEDGING.name(), BufferFullPolicy.DROP_OLDEST.name()),
                    MEDIUM, "When the buffer is full: stop acknowledging MQTT messages (the broker keeps them) or drop"
                            + " the oldest buffered records (option --buffer-full).")
            .define(METRICS_HOST, STRING, "127.0.0.1", MEDIUM, "Address of /metrics (option --metrics-host).")
            .define(METRICS_PORT, INT, 9464, Expectation.wholeNumber(0, 65_535), MEDIUM, "Port of /metrics; 0 for a"
                    + " free one (option --metrics-port).");

    private GatewayConfig(Map<String, Object> values) {
        super(CONFIG, values, false);
    }

    /** Every setting of the gateway. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /** The command line's {@code options} (by key; null when not given), then {@code environment}, then the defaults. */
    static GatewayConfig resolve(Map<String, ?> options, Map<String, String> environment) {
        return new GatewayConfig(EnvironmentVariables.PRODUCERS.withOptions(CONFIG, options, environment));
    }

    /** The setting {@code key} as a path, or null when not set. */
    Path path(String key) {
        String value = getString(key);
        return value == null ? null : Path.of(value);
    }

    /** The buffer's size bound in bytes. */
    long bufferBytes() {
        return getInt(BUFFER_MAX_MB) * 1024L * 1024L;
    }

    BufferFullPolicy fullPolicy() {
        return BufferFullPolicy.valueOf(getString(BUFFER_FULL));
    }
}
