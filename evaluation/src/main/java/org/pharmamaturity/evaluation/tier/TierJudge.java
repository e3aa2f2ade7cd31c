package org.pharmamaturity.evaluation.tier;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pharmamaturity.evaluation.json.DataFileException;
import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.kpi.KpiValue;
import org.pharmamaturity.evaluation.model.BetterDirection;
import org.pharmamaturity.evaluation.model.KeyIndicator;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogue;
import org.pharmamaturity.evaluation.scenario.ScenarioCoverage;
import org.pharmamaturity.evaluation.scenario.TierLink;

/**
 * Judges the four tiers on the verified view: CMMM level, tier links covered by deployed, not contradicted
 * scenarios, AI scenario share, and the model's key indicators against the region's sector. A tier is eligible
 * when nothing is unmet; a tier that asks for national or global leadership is never eligible here, because one
 * region's data cannot show it, and says so in its unmet list.
 */
public final class TierJudge {

    /**
     * The end of the unmet condition of a tier that asks for national or global leadership, which regional data
     * cannot judge; readers that weigh how close an enterprise is to a tier tell it from the judged ones by it.
     */
    public static final String LEADERSHIP_NOT_JUDGED = " leadership not judged from regional data";

    private final TierConditions conditions;
    private final ScenarioCatalogue catalogue;

    /** @throws DataFileException when a condition names a tier link the catalogue does not have */
    public TierJudge(TierConditions conditions, ScenarioCatalogue catalogue) {
        List<String> unknown = conditions.tiers().stream().flatMap(c -> c.tierLinks().stream())
                .filter(link -> catalogue.tierLink(link).isEmpty()).distinct()
                .map(link -> "tier link '" + link + "' is not in scenario catalogue " + catalogue.catalogueVersion())
                .toList();
        if (!unknown.isEmpty()) {
            throw new DataFileException("tier conditions", "'" + conditions.version() + "'", unknown);
        }
        this.conditions = conditions;
        this.catalogue = catalogue;
    }

    /** The readiness of each tier, basic first. {@code kpis} and {@code benchmarks} may be null (no data). */
    public List<TierReadiness> judge(int verifiedLevel, ScenarioCoverage scenarios, List<KeyIndicator> keyIndicators,
                                     String modelVersion, KpiSnapshot kpis, SectorBenchmarks benchmarks) {
        List<TierReadiness> readiness = new ArrayList<>();
        for (TierCondition condition : conditions.tiers()) {
            List<String> unmet = new ArrayList<>();
            if (verifiedLevel < condition.minLevel()) {
                unmet.add("verified level " + verifiedLevel + " < " + condition.minLevel());
            }
            for (String link : condition.tierLinks()) {
                if (!scenarios.coveredTierLinks().contains(link)) {
                    unmet.add("link " + catalogue.tierLink(link).map(TierLink::nameZh).orElse(link)
                            + " not covered by a deployed scenario");
                }
            }
            if (condition.minAiShare() != null && scenarios.aiShare() < condition.minAiShare()) {
                unmet.add("AI share " + percent(scenarios.aiShare()) + " < " + percent(condition.minAiShare())
                        + (scenarios.counted() == 0 ? " (no deployed, not contradicted scenario)" : ""));
            }
            unmet.addAll(keyIndicatorsUnmet(condition.keyIndicators(), keyIndicators, modelVersion, kpis, benchmarks));
            if (condition.leadership() != null) {
                unmet.add(condition.leadership() + LEADERSHIP_NOT_JUDGED);
            }
            readiness.add(new TierReadiness(condition.tier(), unmet.isEmpty(), unmet));
        }
        return readiness;
    }

    private List<String> keyIndicatorsUnmet(KeyIndicatorGate gate, List<KeyIndicator> keyIndicators,
                                            String modelVersion, KpiSnapshot kpis, SectorBenchmarks benchmarks) {
        if (keyIndicators.isEmpty()) {
            return List.of("model " + modelVersion + " lists no key indicators to compare with the sector");
        }
        List<String> unmet = new ArrayList<>();
        for (KeyIndicator key : keyIndicators) {
            String name = key.indicator();
            Optional<IndicatorBenchmark> benchmark = benchmarks == null ? Optional.empty() : benchmarks.of(name);
            Optional<KpiValue> value = kpis == null ? Optional.empty()
                    : kpis.value(name).filter(v -> v.coverage() >= conditions.keyIndicatorMinCoverage());
            if (benchmark.isEmpty()) {
                unmet.add(name + ": no sector reference yet");
            } else if (value.isEmpty()) {
                unmet.add(name + ": no value with coverage >= " + number(conditions.keyIndicatorMinCoverage()));
            } else {
                double v = value.get().value();
                boolean higher = key.better() == BetterDirection.HIGHER;
                IndicatorBenchmark b = benchmark.get();
                if (gate == KeyIndicatorGate.ABOVE_MEDIAN && !(higher ? v > b.median() : v < b.median())) {
                    unmet.add(name + " " + number(v) + " not " + (higher ? "above" : "below") + " the sector median "
                            + number(b.median()));
                } else if (gate == KeyIndicatorGate.TOP_QUARTILE) {
                    double bound = higher ? b.upperQuartile() : b.lowerQuartile();
                    if (!(higher ? v >= bound : v <= bound)) {
                        unmet.add(name + " " + number(v) + " not in the sector's top quartile (" + (higher ? ">= " : "<= ")
                                + number(bound) + ")");
                    }
                }
            }
        }
        return unmet;
    }

    /** A share as a percentage with at most one decimal: 0.1 -> "10 %", 1/3 -> "33.3 %". */
    static String percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + " %";
    }

    /** A value with at most four significant digits, as people read it: 0.61234 -> "0.6123", 1.0 -> "1". */
    static String number(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(4, RoundingMode.HALF_UP)).stripTrailingZeros()
                .toPlainString();
    }
}
