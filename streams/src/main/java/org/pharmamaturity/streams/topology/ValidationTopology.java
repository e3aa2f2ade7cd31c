package org.pharmamaturity.streams.topology;

import java.time.Duration;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.ParkedRecord;
import org.pharmamaturity.streams.validation.CheckContext;
import org.pharmamaturity.streams.validation.DeduplicationProcessor;
import org.pharmamaturity.streams.validation.InputSpec;
import org.pharmamaturity.streams.validation.InputSpecs;
import org.pharmamaturity.streams.validation.Validated;
import org.pharmamaturity.streams.validation.ValidationProcessor;

/**
 * Produces the validated input streams and the dead letters of maturity.dlq. For each input topic:
 * {@code validation-<input>-source} reads bytes, {@code validation-<input>-check} decodes and checks them
 * ({@link ValidationProcessor}; records waiting for their enterprise or equipment to reach the global reference
 * stores are parked in its store {@code validation-<input>-reference-wait}), rejected records go through
 * {@code validation-<input>-dead-letter} to the sink {@code validation-<input>-dlq}, and accepted ones through
 * {@code validation-<input>-dedup} ({@link DeduplicationProcessor}, store {@code validation-<input>-event-ids}).
 */
public final class ValidationTopology {

    private ValidationTopology() {
    }

    /** Adds the validation of every input topic to {@code builder}. */
    public static ValidatedInputs add(StreamsBuilder builder, TopologyDependencies dependencies) {
        return new ValidatedInputs(
                validate(builder, InputSpecs.EQUIPMENT_STATE, dependencies),
                validate(builder, InputSpecs.PRODUCTION_COUNT, dependencies),
                validate(builder, InputSpecs.EQUIPMENT_TELEMETRY, dependencies),
                validate(builder, InputSpecs.BATCH_STATUS, dependencies),
                validate(builder, InputSpecs.QUALITY_EVENT, dependencies),
                validate(builder, InputSpecs.ENERGY_READING, dependencies),
                validate(builder, InputSpecs.COLDCHAIN_READING, dependencies),
                validate(builder, InputSpecs.SHIPMENT, dependencies),
                validate(builder, InputSpecs.ASSESSMENT, dependencies),
                validate(builder, InputSpecs.SCENARIO_DECLARATION, dependencies));
    }

    private static <V extends SpecificRecord> KStream<String, V> validate(StreamsBuilder builder, InputSpec<V> spec,
            TopologyDependencies dependencies) {
        String prefix = "validation-" + spec.name();
        Duration horizon = dependencies.settings().dedupHorizon();
        String eventIds = StoreNames.eventIds(spec.name());
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(eventIds, horizon, horizon, false), Serdes.String(), Serdes.Long())
                .withLoggingEnabled(KeyValueStores.APPEND_TIME_CHANGELOG));
        String referenceWait = StoreNames.referenceWait(spec.name());
        builder.addStateStore(KeyValueStores.persistent(referenceWait, ParkedRecord.class));
        long waitMs = dependencies.settings().referenceWait().toMillis();
        CheckContext.AssessmentChecker checker = CheckContext.AssessmentChecker.against(dependencies.models());
        long skewMs = dependencies.settings().maxFutureSkew().toMillis();
        String checkName = prefix + "-check";
        Map<String, KStream<String, Validated<V>>> branches = builder
                .stream(spec.topic().name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(prefix + "-source"))
                .process(() -> new ValidationProcessor<>(spec, checkName, dependencies.serdes(), dependencies.meters(),
                        skewMs, waitMs, referenceWait, checker, dependencies.scenarioDeclarations()), Named.as(checkName),
                        referenceWait)
                .split(Named.as(prefix + "-"))
                .branch((key, outcome) -> outcome instanceof Validated.Rejected, Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));
        DeadLetterSinks.toDeadLetterTopic(branches.get(prefix + "-rejected")
                .map((key, outcome) -> {
                    Validated.Rejected<V> rejected = (Validated.Rejected<V>) outcome;
                    return KeyValue.pair(rejected.rawKey(), rejected.deadLetter());
                }, Named.as(prefix + "-dead-letter")), prefix, dependencies);
        return branches.get(prefix + "-accepted")
                .mapValues(outcome -> ((Validated.Accepted<V>) outcome).value(), Named.as(prefix + "-value"))
                .processValues(() -> new DeduplicationProcessor<>(eventIds, spec.topic().name(), spec.eventId(),
                        horizon.toMillis(), dependencies.meters()), Named.as(prefix + "-dedup"), eventIds);
    }
}
