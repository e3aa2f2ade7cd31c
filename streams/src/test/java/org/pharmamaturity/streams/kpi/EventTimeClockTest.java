package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The event-time mark only moves forward and is resumed from its store, as after a restart. */
class EventTimeClockTest {

    @Test
    void theMarkOnlyMovesForwardAndIsResumedFromTheStore() {
        KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("clock"),
                Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);

        EventTimeClock clock = EventTimeClock.resume(store);
        assertThat(clock.observe(5_000)).isEqualTo(5_000);
        assertThat(clock.observe(3_000)).isEqualTo(5_000); // an older event leaves the mark where it was

        EventTimeClock resumed = EventTimeClock.resume(store);
        assertThat(resumed.observe(4_000)).isEqualTo(5_000); // the saved mark, not the 4 000 just seen
        assertThat(resumed.observe(7_000)).isEqualTo(7_000);
        assertThat(store.get(EventTimeClock.KEY)).isEqualTo(7_000L);
    }
}
