package org.pharmamaturity.streams.sector;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.state.StoreNames;

/**
 * The daily history of the groups' statistics in {@link StoreNames#GROUP_HISTORY}: one point per group and UTC
 * day, the last statistics published for that day (a later publication of the same day replaces the point). The
 * day of a publication is the UTC day of the group's asOf (the latest asOf among its members: event time, so a
 * replay of old data lands on its own days), or of the change's timestamp for a group left empty.
 *
 * <p>Retention is applied on write: each point written removes the same group's points more than
 * {@code retention} before its day. A group that never changes again keeps its last points; they are few (one per
 * day it changed) and show the state it stayed in.
 */
public final class GroupHistory {

    /** The first day a key can hold: the start of a group's key range. */
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

    private final KeyValueStore<String, SectorMaturity> store;
    private final Duration retention;

    public GroupHistory(KeyValueStore<String, SectorMaturity> store, Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    /** The UTC day a publication of {@code statistics}, caused by a change at {@code timestampMs}, belongs to. */
    public static LocalDate day(SectorMaturity statistics, long timestampMs) {
        Instant at = statistics.getEnterprises() > 0 ? statistics.getAsOf() : Instant.ofEpochMilli(timestampMs);
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Keeps {@code statistics} as the point of {@code group} for {@code day}, and prunes the group's old points. */
    public void record(String group, LocalDate day, SectorMaturity statistics) {
        store.put(StoreNames.groupDayKey(group, day), statistics);
        LocalDate keepFrom = day.minusDays(retention.toDays());
        if (keepFrom.isAfter(FIRST_DAY)) {
            List<String> expired = new ArrayList<>();
            try (KeyValueIterator<String, SectorMaturity> old = store.range(StoreNames.groupDayKey(group, FIRST_DAY),
                    StoreNames.groupDayKey(group, keepFrom.minusDays(1)))) {
                old.forEachRemaining(entry -> expired.add(entry.key));
            }
            expired.forEach(store::delete);
        }
    }
}
