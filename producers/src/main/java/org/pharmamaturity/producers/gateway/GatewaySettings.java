package org.pharmamaturity.producers.gateway;

import java.nio.file.Path;
import java.util.Set;

import org.pharmamaturity.producers.ProducerSettings;

/**
 * Everything a running gateway needs, read once from the command line.
 *
 * @param knownEquipment the equipment ids the gateway accepts; null to accept any (the pipeline checks them)
 * @param mqtt the plant's MQTT broker, null when the gateway does not subscribe to one
 * @param opcua the plant's OPC UA server, null when the gateway does not connect to one
 * @param bufferBytes the store-and-forward buffer's size bound
 * @param metricsPort port of {@code /metrics}; 0 for a free port
 */
public record GatewaySettings(ProducerSettings producer, GatewayMapping mapping, Set<String> knownEquipment,
                              MqttSettings mqtt, OpcUaSettings opcua, Path bufferDir, long bufferBytes,
                              BufferFullPolicy fullPolicy, String metricsHost, int metricsPort) {
}
