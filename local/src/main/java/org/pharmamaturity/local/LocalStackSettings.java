package org.pharmamaturity.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.pharmamaturity.embedded.ApicurioDistribution;

/**
 * Everything the local run can be told, read once from the command line ({@code --name=value} or
 * {@code --name value}); unset options take the defaults of DESIGN.md's "Local run ports".
 *
 * @param dataDirectory          broker data, registry database and logs ({@code .local-run} by default)
 * @param kafkaPort              the broker's client port (9092)
 * @param kafkaControllerPort    the broker's KRaft controller port (9093)
 * @param registryPort           the registry's HTTP port (8081)
 * @param registryManagementPort the registry's health and metrics port (9001)
 * @param registryDistribution   the unpacked Apicurio registry ({@code -Dapicurio.home} or the build tree's)
 * @param simulatorRate          events per second of the background simulator (1000); 0 runs no simulator
 * @param apiPort                the service's REST API, health and metrics port (8080)
 * @param mqttUri                the plant's MQTT broker the gateway subscribes to with the default mapping (and
 *                               the simulator publishes machine data to); null runs no gateway
 * @param gatewayMetricsPort     the gateway's metrics port (9464)
 * @param secure                 SASL_SSL with ACLs on the broker and HTTPS with basic auth on the registry, data
 *                               under {@code <data-dir>/secure}; false (the default) keeps everything plaintext on
 *                               loopback
 * @param withPrometheus         also run Debian's {@code prometheus}, scraping the service with the run's regulator
 *                               token; false by default
 * @param prometheusPort         that Prometheus' web port (9090)
 */
public record LocalStackSettings(Path dataDirectory, int kafkaPort, int kafkaControllerPort, int registryPort,
                                 int registryManagementPort, ApicurioDistribution registryDistribution,
                                 int simulatorRate, int apiPort, String mqttUri, int gatewayMetricsPort,
                                 boolean secure, boolean withPrometheus, int prometheusPort) {

    /** The command-line usage, printed with {@code --help} and after a bad option. */
    public static final String USAGE = "usage: run-local [--data-dir=.local-run] [--kafka-port=9092]"
            + " [--kafka-controller-port=9093] [--registry-port=8081] [--registry-management-port=9001]"
            + " [--simulator-rate=1000 (0: no simulator)] [--api-port=8080]"
            + " [--mqtt=tcp://127.0.0.1:1883 (runs the plant gateway)] [--gateway-metrics-port=9464]"
            + " [--secure (SASL_SSL Kafka with ACLs, HTTPS registry with basic auth)]"
            + " [--with-prometheus (Debian's prometheus scraping the service)] [--prometheus-port=9090]";

    private static final Set<String> OPTIONS = Set.of("data-dir", "kafka-port", "kafka-controller-port",
            "registry-port", "registry-management-port", "simulator-rate", "api-port", "mqtt", "gateway-metrics-port",
            "prometheus-port");
    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("secure", "with-prometheus");

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException for an unknown option, a missing value or a port that is not a number
     */
    public static LocalStackSettings fromArgs(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'. " + USAGE);
            }
            String name = arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : arg.substring(2);
            if (FLAGS.contains(name)) {
                if (arg.contains("=")) {
                    throw new IllegalArgumentException("option --" + name + " takes no value. " + USAGE);
                }
                values.put(name, "true");
                continue;
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + ". " + USAGE);
            }
            if (arg.contains("=")) {
                values.put(name, arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value. " + USAGE);
            }
        }
        return new LocalStackSettings(
                Path.of(values.getOrDefault("data-dir", ".local-run")).toAbsolutePath().normalize(),
                port(values, "kafka-port", 9092),
                port(values, "kafka-controller-port", 9093),
                port(values, "registry-port", 8081),
                port(values, "registry-management-port", 9001),
                ApicurioDistribution.fromSystemProperty(),
                simulatorRate(values.getOrDefault("simulator-rate", "1000")),
                port(values, "api-port", 8080),
                values.get("mqtt"),
                port(values, "gateway-metrics-port", 9464),
                values.containsKey("secure"),
                values.containsKey("with-prometheus"),
                port(values, "prometheus-port", 9090));
    }

    private static int simulatorRate(String text) {
        try {
            int rate = Integer.parseInt(text);
            if (rate < 0) {
                throw new NumberFormatException(text);
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--simulator-rate must be a whole number of events per second, 0 or more,"
                    + " not '" + text + "'. " + USAGE);
        }
    }

    private static int port(Map<String, String> values, String name, int defaultPort) {
        String text = values.get(name);
        if (text == null) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException(text);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number from 1 to 65535, not '" + text + "'. " + USAGE);
        }
    }
}
