package org.pharmamaturity.streams.sector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.state.PendingPublications;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.SectorContribution;
import org.pharmamaturity.streams.state.avro.SectorMemberChange;

/**
 * Per group (member changes keyed by group, {@link GroupKey}; "sector" below stands for any group): keeps each
 * member's contribution under {@code sector@enterpriseId} and publishes the sector's statistics, stamped with the
 * processing time, to maturity.sector, to the queryable store {@code maturity-sector} and to the day's point in
 * {@code group-history} ({@link GroupHistory}). With a publish interval the changed
 * sectors are only marked as due and published by a wall-clock punctuator, so the statistics over all
 * enterprises are computed once per interval instead of once per enterprise result; zero publishes on every
 * change.
 */
public final class SectorStatisticsProcessor implements Processor<String, SectorMemberChange, String, SectorMaturity> {

    private static final StringSerializer KEYS = new StringSerializer();

    private final Duration publishInterval;
    private final Duration historyRetention;
    private ProcessorContext<String, SectorMaturity> context;
    private KeyValueStore<String, SectorContribution> members;
    private KeyValueStore<String, SectorMaturity> results;
    private KeyValueStore<String, Long> pending;
    private GroupHistory history;

    public SectorStatisticsProcessor(Duration publishInterval, Duration historyRetention) {
        this.publishInterval = publishInterval;
        this.historyRetention = historyRetention;
    }

    @Override
    public void init(ProcessorContext<String, SectorMaturity> context) {
        this.context = context;
        this.members = context.getStateStore(StoreNames.SECTOR_MEMBERS);
        this.results = context.getStateStore(StoreNames.MATURITY_SECTOR);
        this.history = new GroupHistory(context.getStateStore(StoreNames.GROUP_HISTORY), historyRetention);
        if (!publishInterval.isZero()) {
            this.pending = context.getStateStore(StoreNames.SECTOR_PENDING);
            context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME,
                    now -> PendingPublications.publishAll(pending, this::publish));
        }
    }

    @Override
    public void process(Record<String, SectorMemberChange> record) {
        String sector = record.key();
        SectorMemberChange change = record.value();
        String key = StoreNames.sectorMemberKey(sector, change.getEnterpriseId());
        if (change.getContribution() == null) {
            members.delete(key);
        } else {
            members.put(key, change.getContribution());
        }
        if (pending == null) {
            publish(sector, record.timestamp());
            return;
        }
        PendingPublications.markDue(pending, sector, record.timestamp());
    }

    private void publish(String sector, long timestampMs) {
        List<SectorContribution> current = new ArrayList<>();
        try (KeyValueIterator<String, SectorContribution> range = members.prefixScan(
                StoreNames.sectorMemberKey(sector, ""), KEYS)) {
            range.forEachRemaining(entry -> current.add(entry.value));
        }
        SectorMaturity statistics = SectorRecords.statistics(GroupKey.parse(sector), current,
                context.currentSystemTimeMs());
        results.put(sector, statistics);
        history.record(sector, GroupHistory.day(statistics, timestampMs), statistics);
        context.forward(new Record<>(sector, statistics, timestampMs));
    }
}
