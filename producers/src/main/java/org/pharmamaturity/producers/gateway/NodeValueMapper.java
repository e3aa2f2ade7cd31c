package org.pharmamaturity.producers.gateway;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one value change of a monitored OPC UA node into a record by its rule: a state node gives a state change
 * when the state differs from the last one; a counter node gives a ProductionCount of the units since its last
 * value (a counter that went down was reset: the units since the reset are its new value); a telemetry node gives
 * a reading. The first value of a counter after the gateway starts is its baseline and makes no record; after a
 * reconnection the last value is kept, so units counted while the server was away are not lost.
 */
final class NodeValueMapper {

    private static final Logger LOG = LoggerFactory.getLogger(NodeValueMapper.class);

    private final RecordAssembler assembler;
    private final Map<String, Long> lastCounter = new ConcurrentHashMap<>();
    private final Map<String, String> lastState = new ConcurrentHashMap<>();

    NodeValueMapper(RecordAssembler assembler) {
        this.assembler = assembler;
    }

    /** The source name of a node in dead letters and event ids. */
    static String source(String nodeId) {
        return "opcua:" + nodeId;
    }

    /**
     * The record (or dead letter) a value makes, or empty when it makes none.
     *
     * @param quality GOOD, UNCERTAIN or BAD, from the value's OPC UA status
     * @param sourceTime the value's source timestamp (else the server's, else the arrival time)
     */
    Optional<Outcome> map(NodeRule rule, Object value, String quality, Instant sourceTime, Instant receivedAt) {
        String source = source(rule.nodeId());
        if (!"GOOD".equals(quality) && rule.kind() != GatewayKind.telemetry) {
            LOG.warn("OPC UA: {} reported status {}; its value is not used", rule.nodeId(), quality);
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        fields.put("eventTime", sourceTime.toString());
        fields.put("enterpriseId", rule.enterpriseId());
        fields.put("siteId", rule.siteId());
        fields.put("equipmentId", rule.equipmentId());
        switch (rule.kind()) {
            case states -> {
                String code = value instanceof Number number ? Long.toString(number.longValue()) : String.valueOf(value);
                String state = rule.stateCodes().getOrDefault(code, code);
                if (state.equals(lastState.put(rule.nodeId(), state))) {
                    return Optional.empty();
                }
                fields.put("state", state);
            }
            case counts -> {
                if (!(value instanceof Number number)) {
                    return Optional.of(notANumber(rule, value));
                }
                Optional<Long> delta = delta(rule.nodeId(), number.longValue());
                if (delta.isEmpty()) {
                    return Optional.empty();
                }
                boolean good = "good".equals(rule.counter());
                fields.put("goodCount", Long.toString(good ? delta.get() : 0));
                fields.put("rejectCount", Long.toString(good ? 0 : delta.get()));
                fields.put("idealCycleTimeMs", Double.toString(rule.idealCycleTimeMs()));
            }
            case telemetry -> {
                if (!(value instanceof Number number)) {
                    return Optional.of(notANumber(rule, value));
                }
                fields.put("tag", rule.tag());
                fields.put("value", Double.toString(number.doubleValue()));
                if (rule.unit() != null) {
                    fields.put("unit", rule.unit());
                }
                fields.put("quality", quality);
            }
        }
        return Optional.of(assembler.assemble(rule.kind(), source, fields, receivedAt));
    }

    /** Units since the counter's last value; empty for its first value or no change. */
    private Optional<Long> delta(String nodeId, long value) {
        Long last = lastCounter.put(nodeId, value);
        if (last == null) {
            LOG.info("OPC UA: counter {} starts at {} (baseline, no record)", nodeId, value);
            return Optional.empty();
        }
        if (value < last) {
            LOG.warn("OPC UA: counter {} went from {} to {}: reset, counting {} unit(s) since the reset", nodeId, last,
                    value, value);
            return value == 0 ? Optional.empty() : Optional.of(value);
        }
        return value == last ? Optional.empty() : Optional.of(value - last);
    }

    private static Outcome notANumber(NodeRule rule, Object value) {
        return new Outcome.Rejected(DeadLetterReason.INVALID_VALUE, source(rule.nodeId()) + ": value '" + value
                + "' is not a number", rule.equipmentId(), rule.enterpriseId());
    }
}
