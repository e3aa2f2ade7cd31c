package org.pharmamaturity.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.streams.alerts.DataGapProcessor;
import org.pharmamaturity.streams.alerts.MaturityAlerts;
import org.pharmamaturity.streams.maturity.MaturityUpdate;
import org.pharmamaturity.streams.state.StateSerde;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.EnterpriseActivity;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;

/**
 * Produces maturity.alerts, keyed by enterpriseId: cold-chain excursions (from the cold-chain topology),
 * contradictions and level changes ({@code alerts-maturity}, {@link MaturityAlerts}), and data gaps
 * ({@code alerts-data-gap}, {@link DataGapProcessor}, store {@code alerts-enterprise-activity}). Each source has
 * its own counter ({@code alerts-*-count}, maturity_alerts_total) and sink ({@code alerts-*-sink}), so the
 * sub-topologies that raise them stay separate.
 */
public final class AlertsTopology {

    private AlertsTopology() {
    }

    /** Adds the alerts. */
    public static void add(StreamsBuilder builder, KStream<String, MaturityUpdate> updates,
            KStream<String, Alert> excursions, KStream<String, EnterpriseFact> facts, TopologyDependencies dependencies) {
        sink(excursions, "alerts-coldchain", dependencies);
        sink(updates.flatMapValues(MaturityAlerts::of, Named.as("alerts-maturity")), "alerts-maturity", dependencies);
        // Cached: the activity store is written on every fact, and only the latest write per commit matters.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.ALERTS_ENTERPRISE_ACTIVITY), Serdes.String(),
                StateSerde.of(EnterpriseActivity.class)).withCachingEnabled());
        sink(facts.process(() -> new DataGapProcessor(dependencies.settings().dataSilence(),
                dependencies.settings().checkInterval()), Named.as("alerts-data-gap"),
                StoreNames.ALERTS_ENTERPRISE_ACTIVITY), "alerts-data-gap", dependencies);
    }

    /** Counts the alerts of {@code source} ({@code <source>-count}) and writes them ({@code <source>-sink}). */
    private static void sink(KStream<String, Alert> alerts, String source, TopologyDependencies dependencies) {
        alerts.peek((enterpriseId, alert) -> dependencies.meters().alert(alert.getKind(), alert.getEnterpriseId()),
                        Named.as(source + "-count"))
                .to(Topic.MATURITY_ALERTS.name(), Produced.with(Serdes.String(),
                        dependencies.serdes().valueSerde(Topic.MATURITY_ALERTS)).withName(source + "-sink"));
    }
}
