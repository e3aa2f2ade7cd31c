package org.pharmamaturity.streams.config;

import java.time.Duration;

/**
 * The settings the topologies themselves depend on (the part of {@link ServiceSettings} a
 * {@code TopologyTestDriver} test sets directly); {@link ServiceSettings#configDef()} validates them.
 *
 * @param maxFutureSkew how far an eventTime may lie ahead of the processing clock before the record is refused
 *        as FUTURE_TIMESTAMP (source clocks drift; a record from the future would close windows early)
 * @param referenceWait how long (wall clock) a record whose only problems are an enterprise or equipment not (yet)
 *        in the global reference stores waits for them before it is dead-lettered as UNKNOWN_ENTERPRISE or
 *        UNKNOWN_EQUIPMENT: the global stores are updated by their own thread, so a record sent right after its
 *        enterprise's registration can be validated before the registration is read
 *        ({@link org.pharmamaturity.streams.validation.ValidationProcessor}); zero dead-letters it at once
 * @param dedupHorizon how long an eventId is remembered, in event time, to count a resent event once
 * @param grace how long after the end of a UTC day late data still corrects that day's KPIs
 * @param dataSilence wall-clock time without any data from an enterprise after which a DATA_GAP alert is raised
 * @param checkInterval how often the wall-clock checks run (data gaps, sector moves, model changes)
 * @param partitions partitions of the repartition topics (the keyed topics' count, so they stay co-partitioned)
 * @param publishInterval how often, in wall-clock time, an enterprise's changed KPIs and a sector's changed
 *        statistics are published: everything that arrived in between is published once, so a burst of readings
 *        costs one KPI record and one re-scoring per enterprise instead of one per reading; zero publishes on
 *        every change
 * @param closeMargin wall-clock time a KPI day stays open after the event time says it closes (its end plus the
 *        grace), so that records sent before the one that moved the event time, but overtaking it on their way
 *        through another topic, are still counted ({@link org.pharmamaturity.streams.kpi.DayClosing}); zero closes
 *        a day as soon as the event time says so
 * @param programmeTargets the targets maturity.programme measures progress against
 * @param groupHistoryRetention how many days of daily group statistics ({@code group-history}) are kept before a
 *        group's newest point (whole days; default 1825, five years)
 */
public record TopologySettings(Duration maxFutureSkew, Duration referenceWait, Duration dedupHorizon, Duration grace, Duration dataSilence,
        Duration checkInterval, int partitions, Duration publishInterval, Duration closeMargin,
        ProgrammeTargets programmeTargets, Duration groupHistoryRetention) {

    /**
     * The defaults of DESIGN.md and domain.md 7.6: 5 min skew, 24 h horizon, 1 h grace, 6 h silence; results
     * published once a second; a day closes 30 s (wall clock) after the event time says so; a record waits up to
     * 30 s (wall clock) for its enterprise and equipment to reach the reference stores.
     */
    public static final TopologySettings DEFAULTS = new TopologySettings(Duration.ofMinutes(5), Duration.ofSeconds(30),
            Duration.ofHours(24),
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofMinutes(1), 6, Duration.ofSeconds(1),
            Duration.ofSeconds(30), ProgrammeTargets.DEFAULTS, Duration.ofDays(1825));

    /** These settings with another {@link #referenceWait()}. */
    public TopologySettings withReferenceWait(Duration wait) {
        return new TopologySettings(maxFutureSkew, wait, dedupHorizon, grace, dataSilence, checkInterval, partitions,
                publishInterval, closeMargin, programmeTargets, groupHistoryRetention);
    }

    /** These settings with another {@link #publishInterval()}. */
    public TopologySettings withPublishInterval(Duration interval) {
        return new TopologySettings(maxFutureSkew, referenceWait, dedupHorizon, grace, dataSilence, checkInterval, partitions, interval,
                closeMargin, programmeTargets, groupHistoryRetention);
    }

    /** These settings with another {@link #closeMargin()}. */
    public TopologySettings withCloseMargin(Duration margin) {
        return new TopologySettings(maxFutureSkew, referenceWait, dedupHorizon, grace, dataSilence, checkInterval, partitions,
                publishInterval, margin, programmeTargets, groupHistoryRetention);
    }

    /** These settings with another {@link #groupHistoryRetention()}. */
    public TopologySettings withGroupHistoryRetention(Duration retention) {
        return new TopologySettings(maxFutureSkew, referenceWait, dedupHorizon, grace, dataSilence, checkInterval, partitions,
                publishInterval, closeMargin, programmeTargets, retention);
    }

    /** These settings with other {@link #programmeTargets()}. */
    public TopologySettings withProgrammeTargets(ProgrammeTargets targets) {
        return new TopologySettings(maxFutureSkew, referenceWait, dedupHorizon, grace, dataSilence, checkInterval, partitions,
                publishInterval, closeMargin, targets, groupHistoryRetention);
    }
}
