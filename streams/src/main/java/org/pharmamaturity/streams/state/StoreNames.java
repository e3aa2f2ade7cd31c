package org.pharmamaturity.streams.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The name of every state store of the pipeline, in one place: they are part of the changelog topic names and
 * of the interactive queries the REST API runs, so they must never change by accident. The stores marked
 * <em>queryable</em> are the ones the API reads; their key formats are given by the helpers here and by
 * {@link org.pharmamaturity.schemas.Topic#dailyKey}.
 */
public final class StoreNames {

    /** Global: enterpriseId to Enterprise (reference data). */
    public static final String REF_ENTERPRISE = "ref-enterprise";
    /** Global: equipment by id and by enterprise, see {@link org.pharmamaturity.streams.reference.ReferenceData}. */
    public static final String REF_EQUIPMENT = "ref-equipment";

    /** Per equipment: recent state changes and open-day counts. */
    public static final String KPI_EQUIPMENT_TRACKS = "kpi-equipment-tracks";
    /** Per equipment: the hours in which a telemetry reading was already passed on (window store). */
    public static final String KPI_TELEMETRY_HOURS = "kpi-telemetry-hours";
    /** Queryable: shipmentId or storageUnitId to its ColdChainUnit (readings of open days, figures of closed ones). */
    public static final String KPI_COLDCHAIN_UNITS = "kpi-coldchain-units";
    /** The cold-chain processor's event-time high-water mark, see {@link org.pharmamaturity.streams.kpi.EventTimeClock}. */
    public static final String KPI_COLDCHAIN_EVENT_TIME = "kpi-coldchain-event-time";
    /** The equipment processor's event-time high-water mark. */
    public static final String KPI_EQUIPMENT_EVENT_TIME = "kpi-equipment-event-time";
    /** The enterprise KPI processor's event-time high-water mark. */
    public static final String KPI_ENTERPRISE_EVENT_TIME = "kpi-enterprise-event-time";
    /** Per enterprise and day ({@code enterpriseId@yyyy-MM-dd}): the EnterpriseDay the KPIs come from. */
    public static final String KPI_ENTERPRISE_DAYS = "kpi-enterprise-days";
    /** Per enterprise and batch ({@code enterpriseId@batchId}): what is known of the batch. */
    public static final String KPI_ENTERPRISE_BATCHES = "kpi-enterprise-batches";
    /** Queryable: {@code enterpriseId@yyyy-MM-dd} to the EnterpriseKpi of that UTC day. */
    public static final String KPI_ENTERPRISE_DAILY = "kpi-enterprise-daily";
    /** Queryable: enterpriseId to its rolling 30-day EnterpriseKpi (the values the evidence rules use). */
    public static final String KPI_ENTERPRISE_ROLLING = "kpi-enterprise-rolling";
    /** enterpriseId to its RollingTallies: the rolling window as running sums, see the kpi RollingWindow. */
    public static final String KPI_ENTERPRISE_WINDOW = "kpi-enterprise-window";
    /** enterpriseId to its PendingKpis: the enterprises whose KPIs changed since they were last published. */
    public static final String KPI_ENTERPRISE_PENDING = "kpi-enterprise-pending";

    /** Per enterprise: the latest self-assessment by submittedAt. */
    public static final String MATURITY_ASSESSMENTS = "maturity-assessments";
    /** Per enterprise: the latest scenario declaration by eventTime. */
    public static final String MATURITY_SCENARIO_DECLARATIONS = "maturity-scenario-declarations";
    /** Queryable: enterpriseId to its latest published EnterpriseMaturity. */
    public static final String MATURITY_ENTERPRISE_LATEST = "maturity-enterprise-latest";
    /** Queryable: {@link #historyKey(String, Instant)} to every EnterpriseMaturity published. */
    public static final String MATURITY_ENTERPRISE_HISTORY = "maturity-enterprise-history";
    /** Per enterprise: fingerprint of the model that computed its latest result. */
    public static final String MATURITY_MODEL_FINGERPRINTS = "maturity-model-fingerprints";
    /**
     * Per enterprise: the sector benchmarks (SectorMaturity.kpiBenchmarks, as text) its latest scoring used, so the
     * wall-clock check re-scores it when its sector's benchmarks change.
     */
    public static final String MATURITY_BENCHMARKS_USED = "maturity-benchmarks-used";
    /**
     * Global, over maturity.sector: GB/T 4754 code (or {@link #ALL_SECTORS}) to the latest SectorMaturity, the
     * sector benchmarks the maturity processor judges the tiers' key-indicator gates against.
     */
    public static final String SECTOR_BENCHMARKS = "sector-benchmarks";

    /**
     * {@code group@enterpriseId} (group: a group key, see {@link org.pharmamaturity.streams.sector.GroupKey}: a
     * GB/T 4754 code, a division, {@link #ALL_SECTORS}, {@code district:<d>} or {@code <code>/district:<d>}) to
     * what the enterprise's latest result contributes to that group.
     */
    public static final String SECTOR_MEMBERS = "sector-members";
    /** Sector to the latest record timestamp of its changes: the sectors whose statistics are due. */
    public static final String SECTOR_PENDING = "sector-pending";
    /** Queryable: group key (a GB/T 4754 code, a division, {@link #ALL_SECTORS}, a district...) to its SectorMaturity. */
    public static final String MATURITY_SECTOR = "maturity-sector";
    /**
     * Queryable: {@link #groupDayKey} to the SectorMaturity a group had at the end of that UTC day (the last
     * statistics published that day), kept for {@code maturity.group-history.retention}.
     */
    public static final String GROUP_HISTORY = "group-history";
    /** The key of the statistics over every enterprise. */
    public static final String ALL_SECTORS = "ALL";

    /** {@code programme@enterpriseId} to the facts of the enterprise's latest result the programme reads. */
    public static final String PROGRAMME_MEMBERS = "programme-members";
    /** {@code programme@titleKey} (a ref.title key) to the award, while it is not revoked. */
    public static final String PROGRAMME_TITLES = "programme-titles";
    /** Programme to the latest record timestamp of its changes: the programmes whose progress is due. */
    public static final String PROGRAMME_PENDING = "programme-pending";
    /** Queryable: programmeId (e.g. shanghai-pharma) to its ProgrammeProgress. */
    public static final String MATURITY_PROGRAMME = "maturity-programme";

    /** Per enterprise: when its data last arrived, for the data-gap alert. */
    public static final String ALERTS_ENTERPRISE_ACTIVITY = "alerts-enterprise-activity";

    /** Digits of the zero-padded epoch milliseconds in history keys, so keys sort by time. */
    private static final int MILLIS_DIGITS = 15;

    private StoreNames() {
    }

    /** The dedup store (eventIds seen) of one validated input, e.g. {@code validation-equipment-state-event-ids}. */
    public static String eventIds(String inputName) {
        return "validation-" + inputName + "-event-ids";
    }

    /**
     * The reference-wait store of one validated input, e.g. {@code validation-assessment-reference-wait}: the records
     * waiting for their enterprise or equipment to reach the global reference stores, by {@code enterpriseId@sequence}
     * (see {@link org.pharmamaturity.streams.validation.ValidationProcessor}).
     */
    public static String referenceWait(String inputName) {
        return "validation-" + inputName + "-reference-wait";
    }

    /**
     * The key of {@link #MATURITY_ENTERPRISE_HISTORY}: {@code enterpriseId@} and the zero-padded epoch
     * milliseconds of asOf, so a range query from {@code historyKey(id, from)} to {@code historyKey(id, to)}
     * returns one enterprise's snapshots in time order.
     */
    public static String historyKey(String enterpriseId, Instant asOf) {
        return Objects.requireNonNull(enterpriseId, "enterpriseId") + "@"
                + String.format("%0" + MILLIS_DIGITS + "d", asOf.toEpochMilli());
    }

    /** The key of {@link #SECTOR_MEMBERS}: {@code sector@enterpriseId}; with an empty enterpriseId, a sector's prefix. */
    public static String sectorMemberKey(String sector, String enterpriseId) {
        return scoped(Objects.requireNonNull(sector, "sector"), Objects.requireNonNull(enterpriseId, "enterpriseId"));
    }

    /** The key of the programme stores: {@code programme@subject}; with an empty subject, a programme's prefix. */
    public static String programmeKey(String programme, String subject) {
        return scoped(Objects.requireNonNull(programme, "programme"), Objects.requireNonNull(subject, "subject"));
    }

    /**
     * The key of {@link #GROUP_HISTORY}: {@code group@yyyy-MM-dd} (group: a maturity.sector key), so a range query
     * from {@code groupDayKey(g, from)} to {@code groupDayKey(g, to)} returns one group's days in order.
     */
    public static String groupDayKey(String group, LocalDate day) {
        return scoped(Objects.requireNonNull(group, "group"), day.toString());
    }

    /** The UTC day of a {@link #groupDayKey}: what follows its last {@code @}. */
    public static LocalDate dayOfGroupDayKey(String key) {
        return LocalDate.parse(key.substring(key.lastIndexOf('@') + 1));
    }

    /** The group of a {@link #groupDayKey}: what precedes its last {@code @}. */
    public static String groupOfGroupDayKey(String key) {
        return key.substring(0, key.lastIndexOf('@'));
    }

    /** A key of an enterprise-scoped store ({@code enterpriseId@suffix}), e.g. a batch of the enterprise. */
    public static String enterpriseKey(String enterpriseId, String suffix) {
        return scoped(Objects.requireNonNull(enterpriseId, "enterpriseId"), suffix);
    }

    /** {@code scope@suffix}: the keys of one scope sort together and a prefix scan of {@code scope@} finds them. */
    private static String scoped(String scope, String suffix) {
        return scope + "@" + suffix;
    }
}
