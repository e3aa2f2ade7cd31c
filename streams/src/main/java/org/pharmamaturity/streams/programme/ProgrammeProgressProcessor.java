package org.pharmamaturity.streams.programme;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.schemas.avro.ProgrammeProgress;
import org.pharmamaturity.streams.config.ProgrammeTargets;
import org.pharmamaturity.streams.state.PendingPublications;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.ProgrammeChange;
import org.pharmamaturity.streams.state.avro.ProgrammeMember;
import org.pharmamaturity.streams.state.avro.ProgrammeTitle;

/**
 * Per programme (changes keyed by programmeId): keeps each member's facts under {@code programme@enterpriseId} and
 * each valid award under {@code programme@titleKey}, and publishes the programme's progress, stamped with the
 * processing time, to maturity.programme and to the queryable store {@code maturity-programme}. Like the sector
 * statistics, with a publish interval a changed programme is only marked as due and published by a wall-clock
 * punctuator; zero publishes on every change. A second wall-clock check, every check interval, republishes a
 * programme whose evaluation day has passed, so an award stops counting the day after it expires even when
 * nothing else changes.
 */
public final class ProgrammeProgressProcessor implements Processor<String, ProgrammeChange, String, ProgrammeProgress> {

    private static final StringSerializer KEYS = new StringSerializer();

    private final Duration publishInterval;
    private final Duration checkInterval;
    private final ProgrammeTargets targets;
    private ProcessorContext<String, ProgrammeProgress> context;
    private KeyValueStore<String, ProgrammeMember> members;
    private KeyValueStore<String, ProgrammeTitle> titles;
    private KeyValueStore<String, ProgrammeProgress> results;
    private KeyValueStore<String, Long> pending;

    public ProgrammeProgressProcessor(Duration publishInterval, Duration checkInterval, ProgrammeTargets targets) {
        this.publishInterval = publishInterval;
        this.checkInterval = checkInterval;
        this.targets = targets;
    }

    @Override
    public void init(ProcessorContext<String, ProgrammeProgress> context) {
        this.context = context;
        this.members = context.getStateStore(StoreNames.PROGRAMME_MEMBERS);
        this.titles = context.getStateStore(StoreNames.PROGRAMME_TITLES);
        this.results = context.getStateStore(StoreNames.MATURITY_PROGRAMME);
        if (!publishInterval.isZero()) {
            this.pending = context.getStateStore(StoreNames.PROGRAMME_PENDING);
            context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME,
                    now -> PendingPublications.publishAll(pending, this::publish));
        }
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, this::republishOnNewDay);
    }

    @Override
    public void process(Record<String, ProgrammeChange> record) {
        String programme = record.key();
        ProgrammeChange change = record.value();
        String key = StoreNames.programmeKey(programme, change.getSubject());
        if (change.getConcernsTitle()) {
            apply(titles, key, change.getTitle());
        } else {
            apply(members, key, change.getMember());
        }
        if (pending == null) {
            publish(programme, record.timestamp());
            return;
        }
        PendingPublications.markDue(pending, programme, record.timestamp());
    }

    private static <V> void apply(KeyValueStore<String, V> store, String key, V value) {
        if (value == null) {
            store.delete(key);
        } else {
            store.put(key, value);
        }
    }

    private void republishOnNewDay(long nowMs) {
        List<ProgrammeProgress> stale = new ArrayList<>();
        try (KeyValueIterator<String, ProgrammeProgress> all = results.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.getEvaluationDay().isBefore(day(nowMs))) {
                    stale.add(entry.value);
                }
            });
        }
        stale.forEach(progress -> publish(progress.getProgrammeId(), nowMs));
    }

    private void publish(String programme, long timestampMs) {
        String prefix = StoreNames.programmeKey(programme, "");
        long nowMs = context.currentSystemTimeMs();
        ProgrammeProgress progress = ProgrammeRecords.progress(programme, values(members, prefix),
                values(titles, prefix), targets, day(nowMs), nowMs);
        results.put(programme, progress);
        context.forward(new Record<>(programme, progress, timestampMs));
    }

    private static <V> List<V> values(KeyValueStore<String, V> store, String prefix) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> range = store.prefixScan(prefix, KEYS)) {
            range.forEachRemaining(entry -> values.add(entry.value));
        }
        return values;
    }

    private static LocalDate day(long epochMs) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
    }
}
