package org.pharmamaturity.schemas;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.schemas.avro.BatchStatus;
import org.pharmamaturity.schemas.avro.ColdChainReading;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.EnergyReading;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.schemas.avro.ProgrammeProgress;
import org.pharmamaturity.schemas.avro.QualityEvent;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.schemas.avro.ShipmentEvent;
import org.pharmamaturity.schemas.avro.TitleAward;
import org.pharmamaturity.schemas.serde.TrustedAvroPackages;

/**
 * The typed registry of every topic of the pipeline (DESIGN.md section 5): its name, the Avro record of its
 * values, what its string key holds, whether it is compacted, and the suggested partitions and retention.
 * This is the only place topic names are written; other modules refer to these constants.
 *
 * <p>Loading this class also trusts the generated package with Avro's class validator (see
 * {@link TrustedAvroPackages}), so the generated classes and their builders work without a JVM flag.
 *
 * @param <V> the generated Avro class of the topic's values
 */
public final class Topic<V extends SpecificRecord> {

    /** Partitions of every keyed event and result topic: one count everywhere keeps joins co-partitioned. */
    public static final int KEYED_PARTITIONS = 6;

    private static final Duration EVENT_RETENTION = Duration.ofDays(7);
    private static final Duration DAILY_KPI_RETENTION = Duration.ofDays(400);
    private static final Duration ALERT_RETENTION = Duration.ofDays(90);
    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    /** Enterprises (reference data). */
    public static final Topic<Enterprise> REF_ENTERPRISE = compacted("ref.enterprise", Enterprise.class,
            Enterprise.getClassSchema(), "enterpriseId", KEYED_PARTITIONS);
    /** Registered equipment (reference data). */
    public static final Topic<Equipment> REF_EQUIPMENT = compacted("ref.equipment", Equipment.class,
            Equipment.getClassSchema(), "equipmentId", KEYED_PARTITIONS);
    /** Titles awarded to enterprises (reference data); a tombstone revokes. Keyed by {@link #titleKey}. */
    public static final Topic<TitleAward> REF_TITLE = compacted("ref.title", TitleAward.class,
            TitleAward.getClassSchema(), "enterpriseId|title, or enterpriseId|TYPICAL_SCENARIO|scenarioId, see titleKey",
            KEYED_PARTITIONS);
    /** Equipment state changes, the input of OEE availability. */
    public static final Topic<EquipmentStateChange> FACTORY_EQUIPMENT_STATE = events("factory.equipment.state",
            EquipmentStateChange.class, EquipmentStateChange.getClassSchema(), "equipmentId");
    /** Good and rejected unit counts per equipment. */
    public static final Topic<ProductionCount> FACTORY_PRODUCTION_COUNT = events("factory.production.count",
            ProductionCount.class, ProductionCount.getClassSchema(), "equipmentId");
    /** Equipment tag readings; a reading makes the equipment count as networked. */
    public static final Topic<EquipmentTelemetry> FACTORY_EQUIPMENT_TELEMETRY = events("factory.equipment.telemetry",
            EquipmentTelemetry.class, EquipmentTelemetry.getClassSchema(), "equipmentId");
    /** Batch status changes. */
    public static final Topic<BatchStatus> FACTORY_BATCH_STATUS = events("factory.batch.status",
            BatchStatus.class, BatchStatus.getClassSchema(), "batchId");
    /** Quality-system records (deviations, OOS, CAPA, complaints). */
    public static final Topic<QualityEvent> QUALITY_EVENT = events("quality.event",
            QualityEvent.class, QualityEvent.getClassSchema(), "enterpriseId");
    /** Energy and utility meter readings. */
    public static final Topic<EnergyReading> FACTORY_ENERGY_READING = events("factory.energy.reading",
            EnergyReading.class, EnergyReading.getClassSchema(), "enterpriseId");
    /** Cold-chain logger samples. */
    public static final Topic<ColdChainReading> LOGISTICS_COLDCHAIN_READING = events("logistics.coldchain.reading",
            ColdChainReading.class, ColdChainReading.getClassSchema(),
            "shipmentId in transport, storageUnitId in storage");
    /** Shipment status changes. */
    public static final Topic<ShipmentEvent> LOGISTICS_SHIPMENT = events("logistics.shipment",
            ShipmentEvent.class, ShipmentEvent.getClassSchema(), "shipmentId");
    /** Self-assessment submissions. */
    public static final Topic<SelfAssessmentSubmission> ASSESSMENT_SELF_SUBMITTED = events("assessment.self.submitted",
            SelfAssessmentSubmission.class, SelfAssessmentSubmission.getClassSchema(), "enterpriseId");
    /** Typical-scenario declarations; the latest per enterprise (by eventTime) is its declared scenarios. */
    public static final Topic<ScenarioDeclaration> ASSESSMENT_SCENARIOS_DECLARED = events(
            "assessment.scenarios.declared", ScenarioDeclaration.class, ScenarioDeclaration.getClassSchema(),
            "enterpriseId");
    /** Daily equipment indicators (output), keyed by {@link #dailyKey(String, LocalDate)} of the equipmentId. */
    public static final Topic<EquipmentKpi> KPI_EQUIPMENT_DAILY = new Topic<>("kpi.equipment.daily",
            EquipmentKpi.class, EquipmentKpi.getClassSchema(), "equipmentId@yyyy-MM-dd (UTC day), see dailyKey",
            false, KEYED_PARTITIONS, Optional.of(DAILY_KPI_RETENTION));
    /** Daily enterprise indicators (output), keyed by {@link #dailyKey(String, LocalDate)} of the enterpriseId. */
    public static final Topic<EnterpriseKpi> KPI_ENTERPRISE_DAILY = new Topic<>("kpi.enterprise.daily",
            EnterpriseKpi.class, EnterpriseKpi.getClassSchema(), "enterpriseId@yyyy-MM-dd (UTC day), see dailyKey",
            false, KEYED_PARTITIONS, Optional.of(DAILY_KPI_RETENTION));
    /** Latest maturity per enterprise (output). */
    public static final Topic<EnterpriseMaturity> MATURITY_ENTERPRISE = compacted("maturity.enterprise",
            EnterpriseMaturity.class, EnterpriseMaturity.getClassSchema(), "enterpriseId", KEYED_PARTITIONS);
    /** Latest statistics per sector (output); a handful of keys, so one partition keeps them in one place. */
    public static final Topic<SectorMaturity> MATURITY_SECTOR = compacted("maturity.sector",
            SectorMaturity.class, SectorMaturity.getClassSchema(), "sector (GB/T 4754 code)", 1);
    /** Latest progress per programme toward its targets (output); one key per programme, so one partition. */
    public static final Topic<ProgrammeProgress> MATURITY_PROGRAMME = compacted("maturity.programme",
            ProgrammeProgress.class, ProgrammeProgress.getClassSchema(), "programmeId, e.g. shanghai-pharma", 1);
    /** Alerts for regulators and enterprises (output). */
    public static final Topic<Alert> MATURITY_ALERTS = new Topic<>("maturity.alerts", Alert.class,
            Alert.getClassSchema(), "enterpriseId", false, KEYED_PARTITIONS, Optional.of(ALERT_RETENTION));
    /** Records the pipeline could not use, with the reason (output). */
    public static final Topic<DeadLetter> MATURITY_DLQ = new Topic<>("maturity.dlq", DeadLetter.class,
            DeadLetter.getClassSchema(), "the rejected record's key, unchanged", false, 3,
            Optional.of(DEAD_LETTER_RETENTION));

    static {
        TrustedAvroPackages.trustPackageOf(Enterprise.class);
    }

    private static final List<Topic<?>> ALL = List.of(REF_ENTERPRISE, REF_EQUIPMENT, REF_TITLE,
            FACTORY_EQUIPMENT_STATE, FACTORY_PRODUCTION_COUNT, FACTORY_EQUIPMENT_TELEMETRY, FACTORY_BATCH_STATUS,
            QUALITY_EVENT, FACTORY_ENERGY_READING, LOGISTICS_COLDCHAIN_READING, LOGISTICS_SHIPMENT,
            ASSESSMENT_SELF_SUBMITTED, ASSESSMENT_SCENARIOS_DECLARED, KPI_EQUIPMENT_DAILY, KPI_ENTERPRISE_DAILY,
            MATURITY_ENTERPRISE, MATURITY_SECTOR, MATURITY_PROGRAMME, MATURITY_ALERTS, MATURITY_DLQ);

    private static final List<Topic<?>> INPUTS = List.of(REF_ENTERPRISE, REF_EQUIPMENT, REF_TITLE, FACTORY_EQUIPMENT_STATE,
            FACTORY_PRODUCTION_COUNT, FACTORY_EQUIPMENT_TELEMETRY, FACTORY_BATCH_STATUS, QUALITY_EVENT,
            FACTORY_ENERGY_READING, LOGISTICS_COLDCHAIN_READING, LOGISTICS_SHIPMENT, ASSESSMENT_SELF_SUBMITTED,
            ASSESSMENT_SCENARIOS_DECLARED);

    private static final Map<String, Topic<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Topic::name, Function.identity()));

    private final String name;
    private final Class<V> valueClass;
    private final Schema valueSchema;
    private final String keyDescription;
    private final boolean compacted;
    private final int partitions;
    private final Optional<Duration> retention;

    private Topic(String name, Class<V> valueClass, Schema valueSchema, String keyDescription, boolean compacted,
            int partitions, Optional<Duration> retention) {
        this.name = name;
        this.valueClass = valueClass;
        this.valueSchema = valueSchema;
        this.keyDescription = keyDescription;
        this.compacted = compacted;
        this.partitions = partitions;
        this.retention = retention;
    }

    private static <V extends SpecificRecord> Topic<V> events(String name, Class<V> valueClass, Schema schema,
            String key) {
        return new Topic<>(name, valueClass, schema, key, false, KEYED_PARTITIONS, Optional.of(EVENT_RETENTION));
    }

    private static <V extends SpecificRecord> Topic<V> compacted(String name, Class<V> valueClass, Schema schema,
            String key, int partitions) {
        return new Topic<>(name, valueClass, schema, key, true, partitions, Optional.empty());
    }

    /** Every topic of the pipeline, inputs first, in the order of DESIGN.md section 5. */
    public static List<Topic<?>> all() {
        return ALL;
    }

    /** The topics producers write and the pipeline reads: reference data, plant readings, self-assessments. */
    public static List<Topic<?>> inputs() {
        return INPUTS;
    }

    /** The topics the pipeline writes: daily KPIs, maturity, sectors, alerts, dead letters. */
    public static List<Topic<?>> outputs() {
        return ALL.stream().filter(topic -> !INPUTS.contains(topic)).toList();
    }

    /** The topic with this name, if it is one of the pipeline's. */
    public static Optional<Topic<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The key of the daily KPI topics: the equipment or enterprise id, {@code @}, and the UTC day in ISO form,
     * e.g. {@code EQ-7@2026-03-01}.
     */
    public static String dailyKey(String id, LocalDate day) {
        return Objects.requireNonNull(id, "id") + "@" + day;
    }

    /**
     * The key of ref.title: {@code enterpriseId|title}, and for a typical scenario {@code |scenarioId} after it,
     * e.g. {@code E1|PIONEER_ENTERPRISE}, {@code E1|TYPICAL_SCENARIO|PO-07}; one key per award, so a tombstone
     * revokes exactly one.
     */
    public static String titleKey(String enterpriseId, String title, String scenarioId) {
        String key = Objects.requireNonNull(enterpriseId, "enterpriseId") + "|" + Objects.requireNonNull(title, "title");
        return scenarioId == null ? key : key + "|" + scenarioId;
    }

    /** The topic's name, e.g. {@code factory.equipment.telemetry}. */
    public String name() {
        return name;
    }

    /** The generated Avro class of the topic's values. */
    public Class<V> valueClass() {
        return valueClass;
    }

    /** The Avro schema of the topic's values (the generated class's schema). */
    public Schema valueSchema() {
        return valueSchema;
    }

    /** The registry subject of the topic's values under TopicNameStrategy: {@code <topic>-value}. */
    public String valueSubject() {
        return name + "-value";
    }

    /** What the topic's (string) key holds, e.g. {@code equipmentId}. */
    public String keyDescription() {
        return keyDescription;
    }

    /** Whether the topic is log-compacted (the latest value per key is the current state). */
    public boolean compacted() {
        return compacted;
    }

    /** Suggested number of partitions. */
    public int partitions() {
        return partitions;
    }

    /** Suggested retention; empty for compacted topics, which keep the latest value per key forever. */
    public Optional<Duration> retention() {
        return retention;
    }

    /** The topic-level configs that follow from {@link #compacted()} and {@link #retention()}. */
    public Map<String, String> topicConfigs() {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
        retention.ifPresent(r -> configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(r.toMillis())));
        return Map.copyOf(configs);
    }

    /**
     * A {@link NewTopic} with the suggested partitions and configs, for the admin client.
     *
     * @param replicationFactor empty for the broker's default
     */
    public NewTopic newTopic(Optional<Short> replicationFactor) {
        return new NewTopic(name, Optional.of(partitions), replicationFactor).configs(topicConfigs());
    }

    @Override
    public String toString() {
        return name;
    }
}
