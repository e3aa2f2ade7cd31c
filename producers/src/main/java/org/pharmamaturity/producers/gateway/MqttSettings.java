package org.pharmamaturity.producers.gateway;

import java.nio.file.Path;

/**
 * How the gateway connects to the plant's MQTT broker.
 *
 * @param serverUri {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param clientId the MQTT client id; the broker keeps this session's QoS 1 messages while the gateway is away
 * @param username null for an anonymous connection
 * @param password null without username
 * @param trustStore a PKCS#12 trust store for {@code ssl://} (null: the JVM's default trust)
 * @param trustStorePassword the trust store's password, null when it has none
 */
public record MqttSettings(String serverUri, String clientId, String username, char[] password, Path trustStore,
                           char[] trustStorePassword) {
}
