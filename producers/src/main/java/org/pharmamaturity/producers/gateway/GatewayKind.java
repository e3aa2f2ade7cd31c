package org.pharmamaturity.producers.gateway;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.pharmamaturity.producers.ingest.IngestKind;

/**
 * The records a gateway makes from plant messages, with the fields a mapping rule may fill (names as in the Avro
 * records and the ingest files) and those it must; each is validated as an ingest row of its {@link IngestKind}.
 */
public enum GatewayKind {
    /** Equipment state changes ({@code factory.equipment.state}). */
    states(IngestKind.states, List.of("state"), List.of("reasonCode")),
    /** Good and rejected units since the previous count ({@code factory.production.count}). */
    counts(IngestKind.counts, List.of("goodCount", "rejectCount", "idealCycleTimeMs"), List.of("batchId")),
    /** Tag readings ({@code factory.equipment.telemetry}). */
    telemetry(IngestKind.telemetry, List.of("tag", "value"), List.of("unit", "quality"));

    /** Fields every kind needs. */
    static final List<String> IDENTITY = List.of("eventTime", "enterpriseId", "siteId", "equipmentId");

    private final IngestKind ingestKind;
    private final List<String> required;
    private final List<String> optional;

    GatewayKind(IngestKind ingestKind, List<String> required, List<String> optional) {
        this.ingestKind = ingestKind;
        this.required = required;
        this.optional = optional;
    }

    /** The ingest kind whose row validation these records go through. */
    public IngestKind ingestKind() {
        return ingestKind;
    }

    /** The fields a rule must fill: the identity fields and this kind's own. */
    public List<String> requiredFields() {
        return Stream.concat(IDENTITY.stream(), required.stream()).toList();
    }

    /** Every field a rule may fill. */
    public Set<String> allFields() {
        return Set.copyOf(Stream.of(IDENTITY, required, optional).flatMap(List::stream).toList());
    }
}
