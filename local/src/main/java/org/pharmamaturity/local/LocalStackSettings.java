package org.pharmamaturity.local;

import java.nio.file.Path;

import org.pharmamaturity.embedded.ApicurioDistribution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Everything the local run can be told, read once from the command line ({@code --name=value} or
 * {@code --name value}, parsed by picocli as the producers' CLI is); unset options take the defaults of DESIGN.md's
 * "Local run ports".
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
    public static final String USAGE = new CommandLine(new Options()).getUsageMessage(CommandLine.Help.Ansi.OFF);

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException for an unknown option, a missing value or a bad number, naming the option,
     *                                  followed by the usage
     */
    public static LocalStackSettings fromArgs(String... args) {
        Options options = new Options();
        try {
            // An option given twice takes its last value, as run-local has always done (a script may append to the
            // options it was given).
            new CommandLine(options).setOverwrittenOptionsAllowed(true).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + USAGE, e);
        }
        return new LocalStackSettings(options.dataDirectory.toAbsolutePath().normalize(), options.kafkaPort,
                options.kafkaControllerPort, options.registryPort, options.registryManagementPort,
                ApicurioDistribution.fromSystemProperty(), options.simulatorRate, options.apiPort, options.mqttUri,
                options.gatewayMetricsPort, options.secure, options.withPrometheus, options.prometheusPort);
    }

    /** The options as picocli declares them, with their defaults and their help. */
    @Command(name = "run-local", sortOptions = false,
            description = "Runs the whole pipeline locally: Kafka, the schema registry, the service and the simulator.")
    private static final class Options {

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".local-run",
                description = "Broker data, registry database and logs (default: ${DEFAULT-VALUE}).")
        Path dataDirectory;

        @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092", converter = PortConverter.class,
                description = "The broker's client port (default: ${DEFAULT-VALUE}).")
        int kafkaPort;

        @Option(names = "--kafka-controller-port", paramLabel = "PORT", defaultValue = "9093",
                converter = PortConverter.class, description = "The broker's KRaft controller port (default: ${DEFAULT-VALUE}).")
        int kafkaControllerPort;

        @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081", converter = PortConverter.class,
                description = "The schema registry's HTTP port (default: ${DEFAULT-VALUE}).")
        int registryPort;

        @Option(names = "--registry-management-port", paramLabel = "PORT", defaultValue = "9001",
                converter = PortConverter.class,
                description = "The schema registry's health and metrics port (default: ${DEFAULT-VALUE}).")
        int registryManagementPort;

        @Option(names = "--simulator-rate", paramLabel = "EVENTS", defaultValue = "1000",
                converter = RateConverter.class,
                description = "Events per second of the background simulator, 0 for no simulator (default: ${DEFAULT-VALUE}).")
        int simulatorRate;

        @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "8080", converter = PortConverter.class,
                description = "The service's REST API, health and metrics port (default: ${DEFAULT-VALUE}).")
        int apiPort;

        @Option(names = "--mqtt", paramLabel = "URI",
                description = "The plant's MQTT broker, e.g. tcp://127.0.0.1:1883: runs the plant gateway (default: none).")
        String mqttUri;

        @Option(names = "--gateway-metrics-port", paramLabel = "PORT", defaultValue = "9464",
                converter = PortConverter.class, description = "The gateway's metrics port (default: ${DEFAULT-VALUE}).")
        int gatewayMetricsPort;

        @Option(names = "--secure",
                description = "SASL_SSL Kafka with ACLs and an HTTPS registry with basic auth (default: plaintext on loopback).")
        boolean secure;

        @Option(names = "--with-prometheus",
                description = "Runs Debian's prometheus, scraping the local service with the run's regulator token.")
        boolean withPrometheus;

        @Option(names = "--prometheus-port", paramLabel = "PORT", defaultValue = "9090", converter = PortConverter.class,
                description = "Prometheus's port with --with-prometheus (default: ${DEFAULT-VALUE}).")
        int prometheusPort;

        @Option(names = "--help", usageHelp = true, description = "Prints this help and exits.")
        boolean help;
    }

    /** A TCP port: a whole number from 1 to 65535. */
    private static final class PortConverter implements ITypeConverter<Integer> {

        @Override
        public Integer convert(String text) {
            return wholeNumber(text, 1, 65535, "must be a port number from 1 to 65535");
        }
    }

    /** The simulator's rate: a whole number of events per second, 0 or more. */
    private static final class RateConverter implements ITypeConverter<Integer> {

        @Override
        public Integer convert(String text) {
            return wholeNumber(text, 0, Integer.MAX_VALUE, "must be a whole number of events per second, 0 or more");
        }
    }

    private static int wholeNumber(String text, int min, int max, String rule) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw new TypeConversionException(rule + ", not '" + text + "'");
    }
}
