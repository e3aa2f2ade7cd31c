package org.pharmamaturity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

    @Test
    void defaultsAreTheDocumentedLocalPorts() {
        LocalStackSettings settings = LocalStackSettings.fromArgs();

        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.kafkaControllerPort()).isEqualTo(9093);
        assertThat(settings.registryPort()).isEqualTo(8081);
        assertThat(settings.registryManagementPort()).isEqualTo(9001);
        assertThat(settings.apiPort()).isEqualTo(8080);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of(".local-run").toAbsolutePath().normalize());
    }

    @Test
    void optionsAcceptBothSpellings() {
        LocalStackSettings settings = LocalStackSettings.fromArgs("--kafka-port=19092", "--registry-port", "18081",
                "--data-dir=/tmp/elsewhere");

        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.registryPort()).isEqualTo(18081);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/tmp/elsewhere"));
    }

    @Test
    void anOptionGivenTwiceTakesItsLastValue() {
        assertThat(LocalStackSettings.fromArgs("--registry-port=18081", "--registry-port", "28081").registryPort())
                .isEqualTo(28081);
    }

    @Test
    void mqttRunsTheGatewayWhichIsOffByDefault() {
        assertThat(LocalStackSettings.fromArgs().mqttUri()).isNull();
        LocalStackSettings settings = LocalStackSettings.fromArgs("--mqtt=tcp://127.0.0.1:1883", "--gateway-metrics-port=19464");
        assertThat(settings.mqttUri()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(settings.gatewayMetricsPort()).isEqualTo(19464);
    }

    @Test
    void secureIsAFlagThatIsOffByDefault() {
        assertThat(LocalStackSettings.fromArgs().secure()).isFalse();
        LocalStackSettings settings = LocalStackSettings.fromArgs("--secure", "--kafka-port", "19092");
        assertThat(settings.secure()).isTrue();
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThatThrownBy(() -> LocalStackSettings.fromArgs("--secure=yes"))
                .hasMessageContaining("'--secure'").hasMessageContaining("'yes'")
                .hasMessageEndingWith("\n" + LocalStackSettings.USAGE);
    }

    @Test
    void simulatorRateIsAWholeNumberZeroOrMore() {
        assertThat(LocalStackSettings.fromArgs("--simulator-rate=0").simulatorRate()).isZero();
        assertThatThrownBy(() -> LocalStackSettings.fromArgs("--simulator-rate=-1"))
                .hasMessageContaining("'--simulator-rate'")
                .hasMessageContaining("must be a whole number of events per second, 0 or more, not '-1'");
    }

    @Test
    void usageNamesEveryOption() {
        assertThat(LocalStackSettings.USAGE).contains("--data-dir", "--kafka-port", "--kafka-controller-port",
                "--registry-port", "--registry-management-port", "--simulator-rate", "--api-port", "--mqtt",
                "--gateway-metrics-port", "--secure", "--help");
    }

    @Test
    void badOptionsAreExplainedWithTheUsage() {
        assertThatThrownBy(() -> LocalStackSettings.fromArgs("--kafka-prot=1"))
                .hasMessageStartingWith("Unknown option: '--kafka-prot=1'")
                .hasMessageEndingWith("\n" + LocalStackSettings.USAGE);
        assertThatThrownBy(() -> LocalStackSettings.fromArgs("--registry-port=80810"))
                .hasMessageContaining("'--registry-port'").hasMessageContaining("must be a port number from 1 to 65535, not '80810'")
                .hasMessageEndingWith("\n" + LocalStackSettings.USAGE);
        assertThatThrownBy(() -> LocalStackSettings.fromArgs("--data-dir"))
                .hasMessageContaining("'--data-dir'").hasMessageContaining("Missing required parameter")
                .hasMessageEndingWith("\n" + LocalStackSettings.USAGE);
    }
}
