package org.pharmamaturity.producers.gateway;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pharmamaturity.schemas.avro.DeadLetterReason;

/**
 * Maps one MQTT message by the first rule whose topic pattern matches: its JSON payload and topic levels become
 * the record's fields, a numeric state goes through the rule's state-code table. A topic no rule covers is
 * UNMAPPED_SOURCE, a payload that is not a JSON object MALFORMED_PAYLOAD.
 */
final class MqttMessageMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayMapping mapping;
    private final RecordAssembler assembler;

    MqttMessageMapper(GatewayMapping mapping, RecordAssembler assembler) {
        this.mapping = mapping;
        this.assembler = assembler;
    }

    /** The source name of a topic in dead letters, metrics and event ids. */
    static String source(String topic) {
        return "mqtt:" + topic;
    }

    Outcome map(String topic, byte[] payload, Instant receivedAt) throws IOException {
        String source = source(topic);
        Optional<MqttRule> found = mapping.ruleFor(topic);
        if (found.isEmpty()) {
            return new Outcome.Rejected(DeadLetterReason.UNMAPPED_SOURCE, "no rule of the mapping file matches topic '"
                    + topic + "'; add one under mqtt:", source, null);
        }
        MqttRule rule = found.get();
        Map<String, String> captured = rule.pattern().match(topic).orElseThrow();
        JsonNode json;
        try {
            json = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return new Outcome.Rejected(DeadLetterReason.MALFORMED_PAYLOAD, source + ": the payload is not JSON ("
                    + e.getOriginalMessage() + ")", captured.getOrDefault("equipmentId", source), captured.get("enterpriseId"));
        }
        if (json == null || !json.isObject()) {
            return new Outcome.Rejected(DeadLetterReason.MALFORMED_PAYLOAD, source + ": the payload is not a JSON object",
                    captured.getOrDefault("equipmentId", source), captured.get("enterpriseId"));
        }
        Map<String, String> fields = new HashMap<>();
        captured.forEach((name, value) -> {
            if (rule.kind().allFields().contains(name)) {
                fields.put(name, value);
            }
        });
        rule.fields().forEach((name, from) -> {
            String value = from.resolve(json, captured);
            if (value != null) {
                fields.put(name, value);
            }
        });
        fields.computeIfPresent("state", (name, code) -> rule.stateCodes().getOrDefault(code, code));
        return assembler.assemble(rule.kind(), source, fields, receivedAt);
    }
}
