package org.pharmamaturity.streams.maturity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.kpi.KpiValue;
import org.pharmamaturity.evaluation.model.Indicators;
import org.pharmamaturity.evaluation.model.KeyIndicator;
import org.pharmamaturity.evaluation.model.ManufacturingType;
import org.pharmamaturity.evaluation.model.ModelChoice;
import org.pharmamaturity.evaluation.scoring.EnterpriseProfile;
import org.pharmamaturity.evaluation.scoring.MaturityResult;
import org.pharmamaturity.evaluation.scoring.MaturityScorer;
import org.pharmamaturity.evaluation.tier.TierConditionsReader;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.streams.reference.ReferenceData;
import org.pharmamaturity.streams.scenario.ScenarioDeclarations;
import org.pharmamaturity.streams.sector.SectorRecords;
import org.pharmamaturity.streams.state.StoreNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An enterprise's maturity (keyed by enterpriseId): its latest self-assessment by submittedAt (an older one that
 * arrives later is ignored) scored by the evaluation library against its latest rolling KPIs, its sector and its
 * manufacturing type, with its latest scenario declaration by eventTime (its scenarios verified with the same KPIs)
 * and its sector's benchmarks (the latest maturity.sector record, global store {@code sector-benchmarks}) for the
 * tiers' key-indicator gates.
 *
 * <p>Which model scores it: the model of its manufacturing type ({@link ModelChoice}); the answers carry over by
 * requirementId, since the models in force share the catalogue. When the chosen model lacks a requirement the
 * assessment answers, the model the assessment names scores it instead (logged), so no answer is lost. Every
 * result names its model.
 *
 * <p>When it publishes: on every accepted assessment and scenario declaration (once the enterprise has an
 * assessment); when the rolling KPIs change and the result says something
 * new (a score, level, grade, status, contradiction, coverage or tier; KPI values that move without changing any
 * of these would otherwise publish a record per input event); and, found by a wall-clock check every
 * {@code checkInterval}, when the enterprise's sector, district or manufacturing type in ref.enterprise changed (it moved
 * sector), its type now chooses another model, the model that computed its result now has different content
 * (checked first thing after start), or its sector's benchmarks changed since it was scored (then it publishes only
 * when the verdict changes; one store read per enterprise and one per sector).
 * Each published result is kept as the latest and in the history store, keyed by enterprise and asOf.
 */
public final class MaturityProcessor implements Processor<String, SpecificRecord, String, MaturityUpdate> {

    private static final Logger LOG = LoggerFactory.getLogger(MaturityProcessor.class);

    private final Scorers scorers;
    private final ModelChoice modelChoice;
    /** Below this coverage a KPI value does not count for the tiers, so it does not go into the benchmarks either. */
    private final double keyIndicatorMinCoverage = TierConditionsReader.builtIn().keyIndicatorMinCoverage();
    private final Duration checkInterval;
    private ProcessorContext<String, MaturityUpdate> context;
    private KeyValueStore<String, SelfAssessmentSubmission> assessments;
    private KeyValueStore<String, ScenarioDeclaration> declarations;
    private KeyValueStore<String, EnterpriseMaturity> latest;
    private KeyValueStore<String, EnterpriseMaturity> history;
    private KeyValueStore<String, String> fingerprints;
    private KeyValueStore<String, EnterpriseKpi> rolling;
    private KeyValueStore<String, String> benchmarksUsed;
    private KeyValueStore<String, SectorMaturity> sectors;
    private ReferenceData reference;

    public MaturityProcessor(Scorers scorers, ModelChoice modelChoice, Duration checkInterval) {
        this.scorers = scorers;
        this.modelChoice = modelChoice;
        this.checkInterval = checkInterval;
    }

    @Override
    public void init(ProcessorContext<String, MaturityUpdate> context) {
        this.context = context;
        this.assessments = context.getStateStore(StoreNames.MATURITY_ASSESSMENTS);
        this.declarations = context.getStateStore(StoreNames.MATURITY_SCENARIO_DECLARATIONS);
        this.latest = context.getStateStore(StoreNames.MATURITY_ENTERPRISE_LATEST);
        this.history = context.getStateStore(StoreNames.MATURITY_ENTERPRISE_HISTORY);
        this.fingerprints = context.getStateStore(StoreNames.MATURITY_MODEL_FINGERPRINTS);
        this.rolling = context.getStateStore(StoreNames.KPI_ENTERPRISE_ROLLING);
        this.benchmarksUsed = context.getStateStore(StoreNames.MATURITY_BENCHMARKS_USED);
        this.sectors = context.getStateStore(StoreNames.SECTOR_BENCHMARKS);
        this.reference = ReferenceData.from(context);
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, now -> recheckAll());
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        String enterpriseId = record.key();
        if (record.value() instanceof SelfAssessmentSubmission submission) {
            if (keptAsLatest(assessments, enterpriseId, submission, SelfAssessmentSubmission::getSubmittedAt,
                    SelfAssessmentSubmission::getSubmissionId, "Assessment")) {
                score(enterpriseId, submission, rolling.get(enterpriseId), true);
            }
        } else if (record.value() instanceof ScenarioDeclaration declaration) {
            SelfAssessmentSubmission submission = assessments.get(enterpriseId);
            if (keptAsLatest(declarations, enterpriseId, declaration, ScenarioDeclaration::getEventTime,
                    ScenarioDeclaration::getSubmissionId, "Scenario declaration") && submission != null) {
                score(enterpriseId, submission, rolling.get(enterpriseId), true);
            }
        } else {
            SelfAssessmentSubmission submission = assessments.get(enterpriseId);
            if (submission != null) {
                score(enterpriseId, submission, (EnterpriseKpi) record.value(), false);
            }
        }
    }

    /**
     * Keeps {@code value} as the enterprise's latest in {@code store} unless the one kept is newer by {@code time}
     * (an older one arriving later is ignored, and logged); true when kept.
     */
    private static <V> boolean keptAsLatest(KeyValueStore<String, V> store, String enterpriseId, V value,
            Function<V, Instant> time, Function<V, String> id, String what) {
        V current = store.get(enterpriseId);
        if (current != null && time.apply(value).isBefore(time.apply(current))) {
            LOG.info("{} {} of {} of {} ignored: {} of {} is newer", what, id.apply(value), enterpriseId,
                    time.apply(value), id.apply(current), time.apply(current));
            return false;
        }
        store.put(enterpriseId, value);
        return true;
    }

    /**
     * Rescores every enterprise whose sector, chosen model or model content changed since its result (published
     * whatever it says), and every other one whose sector's benchmarks changed (published when its verdict changed).
     */
    private void recheckAll() {
        List<String> stale = new ArrayList<>();
        List<String> newBenchmarks = new ArrayList<>();
        Map<String, String> benchmarksBySector = new HashMap<>();
        try (KeyValueIterator<String, EnterpriseMaturity> all = latest.all()) {
            all.forEachRemaining(entry -> {
                if (stale(entry.key, entry.value)) {
                    stale.add(entry.key);
                } else if (!Objects.equals(benchmarksUsed.get(entry.key), benchmarksBySector.computeIfAbsent(
                        String.valueOf(entry.value.getSector()), sector -> stamp(sectorRecord(entry.value.getSector()))))) {
                    newBenchmarks.add(entry.key);
                }
            });
        }
        rescore(stale, true);
        rescore(newBenchmarks, false);
    }

    private void rescore(List<String> enterpriseIds, boolean always) {
        for (String enterpriseId : enterpriseIds) {
            SelfAssessmentSubmission submission = assessments.get(enterpriseId);
            if (submission != null) {
                score(enterpriseId, submission, rolling.get(enterpriseId), always);
            }
        }
    }

    /** The latest maturity.sector record of {@code sector}; null for an unknown sector or one without a record. */
    private SectorMaturity sectorRecord(String sector) {
        return sector == null ? null : sectors.get(sector);
    }

    /** What identifies the benchmarks of a sector record ("" without one): their text. */
    private static String stamp(SectorMaturity record) {
        return record == null ? "" : record.getKpiBenchmarks().toString();
    }

    private boolean stale(String enterpriseId, EnterpriseMaturity result) {
        String sector = reference.enterprise(enterpriseId).map(Enterprise::getSector).orElse(null);
        SelfAssessmentSubmission submission = assessments.get(enterpriseId);
        if (submission != null && !scorer(enterpriseId, submission).model().modelVersion()
                .equals(result.getModelVersion())) {
            return true;
        }
        String fingerprint = scorers.fingerprint(result.getModelVersion()).orElse(null);
        if (fingerprint == null) {
            LOG.warn("The result of {} was computed by model {}, which is no longer in force; it is kept as it is."
                    + " Load that model again (maturity.model) to rescore it.", enterpriseId, result.getModelVersion());
            return false;
        }
        return !Objects.equals(sector, result.getSector())
                || !Objects.equals(district(enterpriseId), result.getDistrict())
                || !fingerprint.equals(fingerprints.get(enterpriseId));
    }

    private void score(String enterpriseId, SelfAssessmentSubmission submission, EnterpriseKpi kpis, boolean always) {
        MaturityScorer scorer = scorer(enterpriseId, submission);
        String modelVersion = scorer.model().modelVersion();
        KpiSnapshot snapshot = snapshot(enterpriseId, kpis);
        EnterpriseProfile profile = profile(enterpriseId);
        SectorMaturity sector = sectorRecord(profile.sector());
        benchmarksUsed.put(enterpriseId, stamp(sector));
        ScenarioDeclaration declaration = declarations.get(enterpriseId);
        MaturityResult result = scorer.score(Assessments.toEvaluation(submission, modelVersion), snapshot, profile,
                declaration == null ? null : ScenarioDeclarations.toEvaluation(declaration),
                sector == null ? null : SectorRecords.benchmarks(profile.sector(), sector));
        EnterpriseMaturity current = MaturityRecords.toAvro(result, submission, declaration,
                context.currentSystemTimeMs());
        String district = district(enterpriseId);
        current.setDistrict(district);
        EnterpriseMaturity previous = latest.get(enterpriseId);
        String fingerprint = scorers.fingerprint(modelVersion).orElseThrow();
        if (!always && MaturityRecords.sameVerdict(current, previous)
                && fingerprint.equals(fingerprints.get(enterpriseId))) {
            return;
        }
        latest.put(enterpriseId, current);
        history.put(StoreNames.historyKey(enterpriseId, current.getAsOf()), current);
        fingerprints.put(enterpriseId, fingerprint);
        context.forward(new Record<>(enterpriseId, new MaturityUpdate(enterpriseId, previous, current,
                MaturityRecords.contribution(result, district, keyValues(snapshot, scorer))),
                current.getAsOf().toEpochMilli()));
    }

    /** The enterprise's values of its model's key indicators with enough coverage: its share of the benchmarks. */
    private Map<String, Double> keyValues(KpiSnapshot snapshot, MaturityScorer scorer) {
        Map<String, Double> values = new TreeMap<>();
        if (snapshot != null) {
            for (KeyIndicator key : scorer.model().keyIndicators()) {
                snapshot.value(key.indicator()).filter(v -> v.coverage() >= keyIndicatorMinCoverage)
                        .ifPresent(v -> values.put(key.indicator(), v.value()));
            }
        }
        return values;
    }

    /**
     * The scorer of the model the enterprise's type chooses, when that model has every requirement the assessment
     * answers; else the scorer of the model the assessment names.
     */
    private MaturityScorer scorer(String enterpriseId, SelfAssessmentSubmission submission) {
        String chosen = modelChoice.versionFor(profile(enterpriseId).manufacturingType());
        Optional<MaturityScorer> byType = scorers.scorer(chosen).filter(s -> Scorers.hasEveryAnswer(s, submission));
        if (byType.isPresent()) {
            return byType.get();
        }
        LOG.warn("Assessment {} of {} answers requirements that model {} (chosen by its manufacturing type) does not"
                + " have; it is scored with the model it names, {}", submission.getSubmissionId(), enterpriseId,
                chosen, submission.getModelVersion());
        return scorers.scorer(submission.getModelVersion()).orElseThrow(() -> new IllegalStateException(
                "Assessment " + submission.getSubmissionId() + " of " + enterpriseId + " names model "
                        + submission.getModelVersion() + ", which is no longer in force; load that model file again"
                        + " (maturity.model) or ask the enterprise to resubmit against the model in force."));
    }

    /** The enterprise's district from ref.enterprise; null while unknown. */
    private String district(String enterpriseId) {
        return reference.enterprise(enterpriseId).map(Enterprise::getDistrict).orElse(null);
    }

    private EnterpriseProfile profile(String enterpriseId) {
        // An enterprise ref.enterprise does not know yet: no sector, and MIXED, which takes the default model.
        return reference.enterprise(enterpriseId)
                .map(e -> new EnterpriseProfile(e.getSector(), ManufacturingType.valueOf(e.getManufacturingType().name())))
                .orElseGet(EnterpriseProfile::unknown);
    }

    /** The rolling KPIs as evidence: the indicators the rules know, with a value; null without KPIs. */
    private static KpiSnapshot snapshot(String enterpriseId, EnterpriseKpi kpis) {
        if (kpis == null) {
            return null;
        }
        Map<String, KpiValue> values = new TreeMap<>();
        kpis.getValues().forEach((indicator, value) -> {
            if (Indicators.KNOWN.contains(indicator) && value.getValue() != null) {
                values.put(indicator, new KpiValue(value.getValue(), value.getCoverage(), value.getWindow()));
            }
        });
        return new KpiSnapshot(enterpriseId, kpis.getAsOf(), values);
    }
}
