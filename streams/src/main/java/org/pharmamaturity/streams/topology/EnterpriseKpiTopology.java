package org.pharmamaturity.streams.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.streams.kpi.EnterpriseFacts;
import org.pharmamaturity.streams.kpi.EnterpriseKpiProcessor;
import org.pharmamaturity.streams.kpi.EnterpriseKpiResult;
import org.pharmamaturity.streams.kpi.TelemetrySampler;
import org.pharmamaturity.streams.state.StateSerde;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.BatchTrack;
import org.pharmamaturity.streams.state.avro.EnterpriseDay;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.state.avro.PendingKpis;
import org.pharmamaturity.streams.state.avro.RollingTallies;

/**
 * Produces kpi.enterprise.daily and the rolling 30-day KPIs per enterprise. Every source of enterprise facts is
 * repartitioned by enterpriseId on its own ({@code kpi-enterprise-facts-<source>}), so the sub-topologies that
 * make them stay separate, and they meet in {@code kpi-enterprise} ({@link EnterpriseKpiProcessor}; stores
 * {@code kpi-enterprise-days}, {@code kpi-enterprise-batches}, {@code kpi-enterprise-pending} unless results are
 * published on every fact, and the queryable {@code kpi-enterprise-daily} and {@code kpi-enterprise-rolling}).
 * Telemetry is first thinned to one reading per equipment and hour
 * ({@code kpi-telemetry-sample}, {@link TelemetrySampler}).
 */
public final class EnterpriseKpiTopology {

    private EnterpriseKpiTopology() {
    }

    /** The facts every enterprise-keyed processor sees, and the changed rolling KPIs. */
    public record Outputs(KStream<String, EnterpriseFact> facts, KStream<String, EnterpriseKpi> rolling) {
    }

    /** Adds the enterprise KPIs, fed by the validated inputs and the equipment and cold-chain facts. */
    public static Outputs add(StreamsBuilder builder, ValidatedInputs inputs, KStream<String, EnterpriseFact> equipment,
            KStream<String, EnterpriseFact> coldChain, TopologyDependencies dependencies) {
        Duration hoursKept = Duration.ofDays(2).plus(dependencies.settings().grace());
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(StoreNames.KPI_TELEMETRY_HOURS,
                hoursKept, TelemetrySampler.RESOLUTION, false), Serdes.String(), Serdes.Long())
                .withLoggingEnabled(KeyValueStores.APPEND_TIME_CHANGELOG));
        KStream<String, EnterpriseFact> telemetry = inputs.telemetry()
                .process(TelemetrySampler::new, Named.as("kpi-telemetry-sample"), StoreNames.KPI_TELEMETRY_HOURS);
        KStream<String, EnterpriseFact> batches = inputs.batchStatuses()
                .map((key, status) -> KeyValue.pair(status.getEnterpriseId(), EnterpriseFacts.of(status)),
                        Named.as("kpi-batch-fact"));
        KStream<String, EnterpriseFact> quality = inputs.qualityEvents()
                .map((key, event) -> KeyValue.pair(event.getEnterpriseId(), EnterpriseFacts.of(event)),
                        Named.as("kpi-quality-fact"));
        KStream<String, EnterpriseFact> energy = inputs.energyReadings()
                .map((key, reading) -> KeyValue.pair(reading.getEnterpriseId(), EnterpriseFacts.of(reading)),
                        Named.as("kpi-energy-fact"));
        int partitions = dependencies.settings().partitions();
        KStream<String, EnterpriseFact> facts = byEnterprise(equipment, "equipment", partitions)
                .merge(byEnterprise(coldChain, "coldchain", partitions), Named.as("kpi-enterprise-facts-merge-coldchain"))
                .merge(byEnterprise(telemetry, "telemetry", partitions), Named.as("kpi-enterprise-facts-merge-telemetry"))
                .merge(byEnterprise(batches, "batch", partitions), Named.as("kpi-enterprise-facts-merge-batch"))
                .merge(byEnterprise(quality, "quality", partitions), Named.as("kpi-enterprise-facts-merge-quality"))
                .merge(byEnterprise(energy, "energy", partitions), Named.as("kpi-enterprise-facts-merge-energy"));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.KPI_ENTERPRISE_DAYS, EnterpriseDay.class));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.KPI_ENTERPRISE_BATCHES, BatchTrack.class));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.KPI_ENTERPRISE_DAILY, EnterpriseKpi.class));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.KPI_ENTERPRISE_ROLLING, EnterpriseKpi.class));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.KPI_ENTERPRISE_WINDOW, RollingTallies.class));
        builder.addStateStore(KeyValueStores.cachedTimes(StoreNames.KPI_ENTERPRISE_EVENT_TIME));
        List<String> stores = new ArrayList<>(List.of(StoreNames.KPI_ENTERPRISE_DAYS, StoreNames.KPI_ENTERPRISE_BATCHES,
                StoreNames.KPI_ENTERPRISE_DAILY, StoreNames.KPI_ENTERPRISE_ROLLING, StoreNames.KPI_ENTERPRISE_WINDOW,
                StoreNames.KPI_ENTERPRISE_EVENT_TIME));
        Duration publishInterval = dependencies.settings().publishInterval();
        if (!publishInterval.isZero()) {
            builder.addStateStore(KeyValueStores.pending(StoreNames.KPI_ENTERPRISE_PENDING, PendingKpis.class));
            stores.add(StoreNames.KPI_ENTERPRISE_PENDING);
        }
        Map<String, KStream<String, EnterpriseKpiResult>> results = facts
                .process(() -> new EnterpriseKpiProcessor(dependencies.settings().grace(),
                        dependencies.settings().closeMargin(), publishInterval,
                        dependencies.meters()), Named.as("kpi-enterprise"), stores.toArray(String[]::new))
                .split(Named.as("kpi-enterprise-"))
                .branch((key, result) -> result.rolling(), Branched.as("rolling"))
                .defaultBranch(Branched.as("daily"));
        results.get("kpi-enterprise-daily").mapValues(EnterpriseKpiResult::kpi, Named.as("kpi-enterprise-daily-record"))
                .to(Topic.KPI_ENTERPRISE_DAILY.name(), Produced.with(Serdes.String(),
                        dependencies.serdes().valueSerde(Topic.KPI_ENTERPRISE_DAILY)).withName("kpi-enterprise-daily-sink"));
        return new Outputs(facts, results.get("kpi-enterprise-rolling")
                .mapValues(EnterpriseKpiResult::kpi, Named.as("kpi-enterprise-rolling-record")));
    }

    private static KStream<String, EnterpriseFact> byEnterprise(KStream<String, EnterpriseFact> facts, String source,
            int partitions) {
        return facts.repartition(Repartitioned.<String, EnterpriseFact>as("kpi-enterprise-facts-" + source)
                .withKeySerde(Serdes.String()).withValueSerde(StateSerde.of(EnterpriseFact.class))
                .withNumberOfPartitions(partitions));
    }
}
