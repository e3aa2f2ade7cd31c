package org.pharmamaturity.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.streams.testing.UnstartedStreams;

/**
 * A store that cannot be queried (here: Kafka Streams never started) is a {@link StoreNotQueryableException} naming
 * the store and the state for the API (which answers 503), and no entries for the gauges. Answers from running
 * stores are covered by ApiIntegrationTest and MetricsIntegrationTest. A KafkaStreams never started needs no broker.
 */
class LocalStoresTest {

    @Test
    void aStoreThatIsNotQueryableIsNamedToTheApiAndLeftOutOfTheGauges(@TempDir Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("local-stores-test-input",
                Materialized.as(StoreNames.MATURITY_SECTOR));
        try (KafkaStreams streams = UnstartedStreams.of(builder.build(), "local-stores-test", stateDir)) {
            LocalStores stores = new LocalStores(streams);

            String expected = "The state store maturity-sector is not queryable on this instance right now"
                    + " (Kafka Streams is CREATED); retry in a moment.";
            assertThatThrownBy(() -> stores.get(StoreNames.MATURITY_SECTOR, "C27"))
                    .isInstanceOf(StoreNotQueryableException.class).hasMessage(expected);
            assertThatThrownBy(() -> stores.range(StoreNames.MATURITY_SECTOR, "A", "Z"))
                    .isInstanceOf(StoreNotQueryableException.class).hasMessage(expected);
            assertThatThrownBy(() -> stores.all(StoreNames.MATURITY_SECTOR))
                    .isInstanceOf(StoreNotQueryableException.class).hasMessage(expected);
            assertThat(stores.entries(StoreNames.MATURITY_SECTOR)).isEmpty();
        }
    }
}
