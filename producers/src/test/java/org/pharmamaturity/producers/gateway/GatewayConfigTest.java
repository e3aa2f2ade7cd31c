package org.pharmamaturity.producers.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The gateway's settings: an option wins over the environment, which wins over the declared default. */
class GatewayConfigTest {

    @Test
    void withNothingGivenTheDefaultsHold() {
        GatewayConfig config = GatewayConfig.resolve(Map.of(), Map.of());

        assertThat(config.getString(GatewayConfig.MQTT_URI)).isNull();
        assertThat(config.getString(GatewayConfig.MQTT_CLIENT_ID)).isEqualTo("maturity-gateway");
        assertThat(config.path(GatewayConfig.BUFFER_DIR)).isEqualTo(Path.of("gateway-buffer"));
        assertThat(config.bufferBytes()).isEqualTo(512L * 1024 * 1024); // 536,870,912
        assertThat(config.fullPolicy()).isEqualTo(BufferFullPolicy.STOP_ACKNOWLEDGING);
        assertThat(config.getInt(GatewayConfig.METRICS_PORT)).isEqualTo(9464);
    }

    @Test
    void theEnvironmentSetsWhatNoOptionGivesAndAnOptionWins() {
        Map<String, String> options = new HashMap<>();
        options.put(GatewayConfig.MQTT_URI, "tcp://plant:1883");
        options.put(GatewayConfig.BUFFER_MAX_MB, null); // an option not given
        Map<String, String> environment = Map.of("PRODUCERS_GATEWAY_MQTT_URI", "tcp://elsewhere:1883",
                "PRODUCERS_GATEWAY_BUFFER_MAX_MB", "2", "PRODUCERS_GATEWAY_BUFFER_FULL", "DROP_OLDEST");

        GatewayConfig config = GatewayConfig.resolve(options, environment);

        assertThat(config.getString(GatewayConfig.MQTT_URI)).isEqualTo("tcp://plant:1883");
        assertThat(config.bufferBytes()).isEqualTo(2L * 1024 * 1024); // 2,097,152
        assertThat(config.fullPolicy()).isEqualTo(BufferFullPolicy.DROP_OLDEST);
    }

    @Test
    void aBadValueIsNamedWithWhatItMustBe() {
        assertThatThrownBy(() -> GatewayConfig.resolve(Map.of(GatewayConfig.METRICS_PORT, "70000"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("gateway.metrics.port: '70000' is not a whole number from 0 to 65535");
        assertThatThrownBy(() -> GatewayConfig.resolve(Map.of(GatewayConfig.OPCUA_SECURITY, "Basic128"), Map.of()))
                .hasMessage("gateway.opcua.security: 'Basic128' is not one of None and Basic256Sha256");
    }
}
