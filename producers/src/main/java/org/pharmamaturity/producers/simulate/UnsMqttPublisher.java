package org.pharmamaturity.producers.simulate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.pharmamaturity.producers.ProducersException;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.ProductionCount;

/**
 * Publishes a simulation's machine data the way a plant's edge gateway does: JSON with QoS 1 on the UNS tree
 * {@code <enterprise>/<site>/production/line-1/<equipment>/state|count|telemetry} that the gateway's default
 * mapping reads. Other records (reference data, assessments, batches, quality, energy, cold chain, shipments) are
 * not machine data and are left to Kafka.
 */
public final class UnsMqttPublisher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttClient client;
    private long published;

    /** Connects to {@code serverUri} as a fresh client. */
    public UnsMqttPublisher(String serverUri) {
        try {
            client = new MqttClient(serverUri, "simulated-plant-" + UUID.randomUUID(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setAutomaticReconnect(true);
            options.setMaxInflight(1_000);
            client.connect(options);
        } catch (MqttException e) {
            throw new ProducersException("cannot connect to the MQTT broker " + serverUri + ": " + e
                    + "; check --mqtt and that the broker runs", e);
        }
    }

    /** Publishes {@code event} when it is machine data; false (nothing published) for any other record. */
    public boolean publish(SimEvent<?> event) {
        Map<String, Object> json = new LinkedHashMap<>();
        String topic;
        switch (event.value()) {
            case EquipmentStateChange state -> {
                topic = topic(state.getEnterpriseId(), state.getSiteId(), state.getEquipmentId(), "state");
                json.put("timestamp", state.getEventTime().toString());
                json.put("state", state.getState().name());
                json.put("reason", state.getReasonCode());
            }
            case ProductionCount count -> {
                topic = topic(count.getEnterpriseId(), count.getSiteId(), count.getEquipmentId(), "count");
                json.put("timestamp", count.getEventTime().toString());
                json.put("good", count.getGoodCount());
                json.put("reject", count.getRejectCount());
                json.put("idealCycleTimeMs", count.getIdealCycleTimeMs());
                json.put("batchId", count.getBatchId());
            }
            case EquipmentTelemetry reading -> {
                topic = topic(reading.getEnterpriseId(), reading.getSiteId(), reading.getEquipmentId(), "telemetry");
                json.put("timestamp", reading.getEventTime().toString());
                json.put("tag", reading.getTag());
                json.put("value", reading.getValue());
                json.put("unit", reading.getUnit());
                json.put("quality", reading.getQuality().name());
            }
            default -> {
                return false;
            }
        }
        try {
            client.publish(topic, JSON.writeValueAsBytes(json), 1, false);
            published++;
            return true;
        } catch (MqttException | JsonProcessingException e) {
            throw new ProducersException("cannot publish to MQTT topic " + topic + ": " + e, e);
        }
    }

    /** Messages the broker acknowledged. */
    public long published() {
        return published;
    }

    @Override
    public void close() {
        try {
            client.disconnect();
            client.close();
        } catch (MqttException e) {
            throw new ProducersException("disconnecting from the MQTT broker: " + e, e);
        }
    }

    private static String topic(String enterpriseId, String siteId, String equipmentId, String kind) {
        return enterpriseId + "/" + siteId + "/production/line-1/" + equipmentId + "/" + kind;
    }
}
