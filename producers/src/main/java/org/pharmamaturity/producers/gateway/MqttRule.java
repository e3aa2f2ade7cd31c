package org.pharmamaturity.producers.gateway;

import java.util.Map;

/**
 * One MQTT rule of a mapping file: messages on topics matching {@code pattern} become records of {@code kind},
 * their fields taken from the payload, the topic levels or constants; a numeric state is read through
 * {@code stateCodes} (empty when the rule has no table).
 */
public record MqttRule(TopicPattern pattern, GatewayKind kind, Map<String, FieldSource> fields,
                       Map<String, String> stateCodes) {

    public MqttRule {
        fields = Map.copyOf(fields);
        stateCodes = Map.copyOf(stateCodes);
    }
}
