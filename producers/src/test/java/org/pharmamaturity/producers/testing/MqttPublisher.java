package org.pharmamaturity.producers.testing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A plant's publisher in tests: QoS 1 messages to a broker, each confirmed by the broker before the next. */
public final class MqttPublisher implements AutoCloseable {

    private final MqttClient client;

    public MqttPublisher(String uri) throws MqttException {
        client = new MqttClient(uri, "plant-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
    }

    /** Publishes {@code payload} (UTF-8) on {@code topic} with QoS 1 and waits for the broker's PUBACK. */
    public void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
