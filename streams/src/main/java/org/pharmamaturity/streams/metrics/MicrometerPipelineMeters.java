package org.pharmamaturity.streams.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.AlertKind;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.streams.kpi.ColdChainProcessor;
import org.pharmamaturity.streams.kpi.EnterpriseKpiProcessor;
import org.pharmamaturity.streams.kpi.EquipmentKpiProcessor;
import org.pharmamaturity.streams.validation.InputSpec;
import org.pharmamaturity.streams.validation.InputSpecs;

/**
 * {@link PipelineMeters} as Micrometer counters on a {@link MeterRegistry}; on a Prometheus registry they read
 * {@code maturity_records_total{topic}} and so on (see docs/operations.md, Metrics section). Every counter whose labels
 * are known in advance (input topics, dead-letter reasons, late stages) is registered at 0 on construction, so
 * {@code rate()} and {@code increase()} see the first record too and dashboards have a series from the start.
 * Counters count processing attempts: a record processed again after a failed transaction is counted again.
 */
public class MicrometerPipelineMeters implements PipelineMeters {

    static final String RECORDS = "maturity.records";
    static final String DEAD_LETTERS = "maturity.dead.letters";
    static final String DUPLICATES = "maturity.duplicates";
    static final String LATE_RECORDS = "maturity.late.records";
    static final String REFERENCE_WAITS = "maturity.reference.waits";
    static final String ALERTS = "maturity.alerts";

    /** The stages that drop late records, in pipeline order. */
    static final List<String> LATE_STAGES = List.of(EquipmentKpiProcessor.STAGE, EnterpriseKpiProcessor.STAGE,
            ColdChainProcessor.STAGE);

    private final MeterRegistry registry;
    // Every valid record passes here: a map lookup is cheaper than building a meter id each time.
    private final Map<String, Counter> recordsByTopic = new ConcurrentHashMap<>();

    /** Counters on {@code registry}, the known ones registered at 0. */
    public MicrometerPipelineMeters(MeterRegistry registry) {
        this.registry = registry;
        for (InputSpec<?> input : InputSpecs.ALL) {
            String topic = input.topic().name();
            records(topic);
            duplicates(topic);
            referenceWaits(topic);
            deadLetterReasons(topic);
        }
        deadLetterReasons(Topic.REF_ENTERPRISE.name());
        deadLetterReasons(Topic.REF_EQUIPMENT.name());
        LATE_STAGES.forEach(this::lateRecords);
    }

    @Override
    public void accepted(String topic) {
        recordsByTopic.computeIfAbsent(topic, this::records).increment();
    }

    @Override
    public void deadLetter(String topic, DeadLetterReason reason) {
        deadLetters(topic, reason).increment();
    }

    @Override
    public void duplicate(String topic) {
        duplicates(topic).increment();
    }

    @Override
    public void referenceWait(String topic) {
        referenceWaits(topic).increment();
    }

    @Override
    public void lateRecord(String stage) {
        lateRecords(stage).increment();
    }

    @Override
    public void alert(AlertKind kind, String enterpriseId) {
        alerts(kind, enterpriseId).increment();
    }

    /** The registry the counters live on. */
    protected final MeterRegistry registry() {
        return registry;
    }

    private void deadLetterReasons(String topic) {
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetters(topic, reason);
        }
    }

    private Counter records(String topic) {
        return Counter.builder(RECORDS).description("Valid input records accepted, before deduplication")
                .tag("topic", topic).register(registry);
    }

    private Counter deadLetters(String topic, DeadLetterReason reason) {
        return Counter.builder(DEAD_LETTERS).description("Records rejected to maturity.dlq")
                .tag("topic", topic).tag("reason", reason.name()).register(registry);
    }

    private Counter duplicates(String topic) {
        return Counter.builder(DUPLICATES).description("Records dropped as repeated eventIds")
                .tag("topic", topic).register(registry);
    }

    private Counter referenceWaits(String topic) {
        return Counter.builder(REFERENCE_WAITS).description("Records parked to wait for their enterprise or equipment"
                + " in the reference stores").tag("topic", topic).register(registry);
    }

    private Counter lateRecords(String stage) {
        return Counter.builder(LATE_RECORDS).description("Records dropped after their day's grace had passed")
                .tag("stage", stage).register(registry);
    }

    private Counter alerts(AlertKind kind, String enterpriseId) {
        return Counter.builder(ALERTS).description("Alerts sent to maturity.alerts")
                .tag("kind", kind.name()).tag("enterprise_id", enterpriseId).register(registry);
    }
}
