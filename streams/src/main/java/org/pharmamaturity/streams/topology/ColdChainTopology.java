package org.pharmamaturity.streams.topology;

import java.util.Map;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.streams.dlq.LateDeadLetters;
import org.pharmamaturity.streams.kpi.ColdChainProcessor;
import org.pharmamaturity.streams.kpi.ColdChainResult;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.ColdChainUnit;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;

/**
 * Produces the cold-chain figures per shipment or storage unit and UTC day (excursions, time out of range, MKT,
 * GSP logging compliance and gaps; queryable store {@code kpi-coldchain-units}) and an alert for each new
 * excursion episode. The readings' topic is keyed by the unit, so {@code kpi-coldchain}
 * ({@link ColdChainProcessor}) reads it without a repartition; sharing the task with validation, it closes days by
 * its own event-time mark (store {@code kpi-coldchain-event-time}) instead of the task's stream time. Readings
 * that came after their day closed go to maturity.dlq as LATE ({@code kpi-coldchain-late}, {@code kpi-coldchain-dlq}).
 */
public final class ColdChainTopology {

    private ColdChainTopology() {
    }

    /** The cold-chain facts for the enterprise KPIs and the excursion alerts, both keyed by enterpriseId. */
    public record Outputs(KStream<String, EnterpriseFact> facts, KStream<String, Alert> alerts) {
    }

    /** Adds the cold-chain KPIs. */
    public static Outputs add(StreamsBuilder builder, ValidatedInputs inputs, TopologyDependencies dependencies) {
        builder.addStateStore(KeyValueStores.persistent(StoreNames.KPI_COLDCHAIN_UNITS, ColdChainUnit.class));
        builder.addStateStore(KeyValueStores.cachedTimes(StoreNames.KPI_COLDCHAIN_EVENT_TIME));
        Map<String, KStream<String, ColdChainResult>> results = inputs.coldChainReadings()
                .process(() -> new ColdChainProcessor(dependencies.settings().grace(),
                        dependencies.settings().closeMargin(), new LateDeadLetters(ColdChainProcessor.STAGE,
                                dependencies.serdes(), dependencies.meters())),
                        Named.as(ColdChainProcessor.STAGE), StoreNames.KPI_COLDCHAIN_UNITS,
                        StoreNames.KPI_COLDCHAIN_EVENT_TIME)
                .split(Named.as("kpi-coldchain-"))
                .branch((key, result) -> result.isLate(), Branched.as("late"))
                .branch((key, result) -> result.isAlert(), Branched.as("alert"))
                .defaultBranch(Branched.as("figures"));
        DeadLetterSinks.lateRecords(results.get("kpi-coldchain-late").mapValues(ColdChainResult::late,
                Named.as("kpi-coldchain-late-record")), ColdChainProcessor.STAGE, dependencies);
        return new Outputs(
                results.get("kpi-coldchain-figures").mapValues(ColdChainResult::fact, Named.as("kpi-coldchain-fact")),
                results.get("kpi-coldchain-alert").mapValues(ColdChainResult::alert, Named.as("kpi-coldchain-excursion")));
    }
}
