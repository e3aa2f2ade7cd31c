package org.pharmamaturity.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The restore meters of {@link StateRestoreLog} as a Prometheus scrape shows them, with a clock the test moves. */
class StateRestoreLogTest {

    private static final String STORE = "kpi-equipment-days";
    private static final TopicPartition PARTITION_0 = new TopicPartition("app-kpi-equipment-days-changelog", 0);
    private static final TopicPartition PARTITION_1 = new TopicPartition("app-kpi-equipment-days-changelog", 1);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong nanos = new AtomicLong();
    private final StateRestoreLog log = new StateRestoreLog(registry, nanos::get);

    @Test
    void countsRestoredRecordsPerStoreAndTimesEachPartitionRestore() {
        log.onRestoreStart(PARTITION_0, STORE, 0, 1_500);
        log.onRestoreStart(PARTITION_1, STORE, 100, 400);
        log.onBatchRestored(PARTITION_0, STORE, 999, 1_000);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(250));
        log.onBatchRestored(PARTITION_1, STORE, 399, 300);
        log.onRestoreEnd(PARTITION_1, STORE, 300);
        log.onBatchRestored(PARTITION_0, STORE, 1_499, 500);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        log.onRestoreEnd(PARTITION_0, STORE, 1_500);

        PrometheusScrape scrape = PrometheusScrape.parse(registry.scrape());
        // 1,000 + 300 + 500 records in three batches over both partitions.
        assertThat(scrape.value("maturity_state_restored_records_total", "store", STORE)).hasValue(1_800);
        // Partition 1 took 0.25 s, partition 0 took 0.25 + 0.5 = 0.75 s: two samples, 1.0 s in all, 0.75 s at most.
        assertThat(scrape.value("maturity_state_restore_duration_seconds_count", "store", STORE)).hasValue(2);
        assertThat(scrape.value("maturity_state_restore_duration_seconds_sum", "store", STORE)).hasValue(1.0);
        assertThat(scrape.value("maturity_state_restore_duration_seconds_max", "store", STORE)).hasValue(0.75);
    }

    @Test
    void aSuspendedRestoreIsTimedUntilItsTaskMovedAway() {
        log.onRestoreStart(PARTITION_0, STORE, 0, 1_500);
        log.onBatchRestored(PARTITION_0, STORE, 199, 200);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(125));
        log.onRestoreSuspended(PARTITION_0, STORE, 200);

        PrometheusScrape scrape = PrometheusScrape.parse(registry.scrape());
        assertThat(scrape.value("maturity_state_restored_records_total", "store", STORE)).hasValue(200);
        assertThat(scrape.value("maturity_state_restore_duration_seconds_count", "store", STORE)).hasValue(1);
        assertThat(scrape.value("maturity_state_restore_duration_seconds_sum", "store", STORE)).hasValue(0.125);
    }
}
