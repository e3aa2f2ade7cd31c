package org.pharmamaturity.producers.gateway;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.pharmamaturity.producers.ingest.FileValidator;
import org.pharmamaturity.producers.ingest.Validation;
import org.pharmamaturity.schemas.avro.DeadLetterReason;

/**
 * Turns the fields a mapping rule read from one message into a contract record, with the event id derived from the
 * source and its timestamp and the same row validation as {@code ingest}; a message for equipment the gateway does
 * not know (when it was given an equipment list) is refused as UNKNOWN_EQUIPMENT.
 */
final class RecordAssembler {

    private final Set<String> knownEquipment;

    /** {@code knownEquipment} null: every equipment id is accepted (the pipeline checks it against ref.equipment). */
    RecordAssembler(Set<String> knownEquipment) {
        this.knownEquipment = knownEquipment == null ? null : Set.copyOf(knownEquipment);
    }

    /**
     * The record of {@code kind} the {@code mapped} fields make. {@code source} names the message's origin
     * ({@code mqtt:<topic>} or {@code opcua:<nodeId>}) and goes into the event id with the source timestamp.
     */
    Outcome assemble(GatewayKind kind, String source, Map<String, String> mapped, Instant receivedAt) {
        Map<String, String> fields = new HashMap<>(mapped);
        String equipmentId = fields.get("equipmentId");
        String key = equipmentId != null ? equipmentId : source;
        if (knownEquipment != null && equipmentId != null && !knownEquipment.contains(equipmentId)) {
            return new Outcome.Rejected(DeadLetterReason.UNKNOWN_EQUIPMENT, "equipment '" + equipmentId + "' from "
                    + source + " is not in the gateway's equipment list; register it (ingest equipment) and add it",
                    key, fields.get("enterpriseId"));
        }
        String eventTime = epochMillisAsInstant(fields.get("eventTime"));
        if (eventTime != null) {
            fields.put("eventTime", eventTime);
            String discriminator = kind == GatewayKind.telemetry ? "#" + fields.get("tag") : "";
            fields.put("eventId", EventIds.of(source + discriminator, eventTime));
        }
        Validation validation = FileValidator.validateRow(kind.ingestKind(), source, fields, receivedAt);
        if (!validation.clean()) {
            String problems = validation.problems().stream().map(p -> p.field() + ": " + p.reason())
                    .collect(Collectors.joining("; "));
            return new Outcome.Rejected(DeadLetterReason.INVALID_VALUE, source + ": " + problems, key,
                    fields.get("enterpriseId"));
        }
        return new Outcome.Accepted(validation.records().getFirst());
    }

    /** Epoch milliseconds (digits only) as ISO-8601 text; other text unchanged, for the row validation to judge. */
    private static String epochMillisAsInstant(String text) {
        if (text != null && !text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() < 19) {
            return Instant.ofEpochMilli(Long.parseLong(text)).toString();
        }
        return text;
    }
}
