package org.pharmamaturity.producers.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.producers.gateway.BufferFullPolicy;
import org.pharmamaturity.producers.gateway.Gateway;
import org.pharmamaturity.producers.gateway.GatewayMapping;
import org.pharmamaturity.producers.gateway.GatewaySettings;
import org.pharmamaturity.producers.gateway.MqttSettings;

/** Gateway settings for tests: the default UNS mapping, a given MQTT broker, Kafka and buffer directory. */
public final class GatewayRun {

    private GatewayRun() {
    }

    /** Settings with the default mapping, a 64 MiB buffer under STOP_ACKNOWLEDGING and metrics on a free port. */
    public static GatewaySettings settings(String bootstrap, String registryUrl, String mqttUri, String clientId,
            Set<String> knownEquipment, Path bufferDir) {
        return new GatewaySettings(new ProducerSettings(bootstrap, registryUrl, Map.of()), GatewayMapping.defaultMapping(),
                knownEquipment, new MqttSettings(mqttUri, clientId, null, null, null, null), null, bufferDir,
                64L * 1024 * 1024, BufferFullPolicy.STOP_ACKNOWLEDGING, "127.0.0.1", 0);
    }

    /** The text of the gateway's {@code /metrics}. */
    public static String scrape(Gateway gateway) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.metricsPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
