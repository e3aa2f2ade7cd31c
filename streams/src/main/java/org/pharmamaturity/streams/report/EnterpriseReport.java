package org.pharmamaturity.streams.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.model.Indicators;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.ScenarioAssessment;
import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;
import org.pharmamaturity.schemas.avro.ScenarioStatus;
import org.pharmamaturity.schemas.avro.TierReadiness;

/**
 * The enterprise report: one row per enterprise with who it is (from ref.enterprise), its declared and verified
 * score and level, its highest eligible smart-factory tier and what the next tier lacks, its scenario and
 * contradiction counts, its key KPIs, and the model version and asOf that make the row reproducible.
 */
public final class EnterpriseReport {

    /** The file and sheet name. */
    public static final String NAME = "enterprises";

    /**
     * The KPI columns: the key indicators of the weighted models (the tiers' key-indicator gates), the networking
     * rate, and the two key-equipment rates (关键工序数控化率, 关键设备联网率) that the programme reports.
     */
    public static final List<String> KEY_KPIS = List.of(Indicators.OEE, Indicators.RIGHT_FIRST_TIME,
            Indicators.ENERGY_PER_UNIT, Indicators.NETWORKING_RATE, Indicators.KEY_PROCESS_DIGITAL_CONTROL_RATE,
            Indicators.KEY_EQUIPMENT_NETWORKING_RATE);

    /** The tiers from lowest to highest (the field names of SmartFactoryTiers). */
    private static final List<String> TIERS = List.of("basic", "advanced", "excellent", "leading");

    /** The columns in order; every row has a field of each header. */
    public static final List<ReportColumn> COLUMNS = columns();

    private EnterpriseReport() {
    }

    /** The table of {@code rows} (from {@link #row}). */
    public static ReportTable table(List<JsonNode> rows) {
        return new ReportTable(NAME, COLUMNS, rows);
    }

    /** The row of one enterprise; {@code enterprise} is empty while ref.enterprise does not know it. */
    public static ObjectNode row(EnterpriseMaturity maturity, Optional<Enterprise> enterprise) {
        ObjectNode row = Json.mapper().createObjectNode();
        row.put("enterpriseId", maturity.getEnterpriseId());
        row.put("name", enterprise.map(Enterprise::getName).orElse(null));
        row.put("sector", maturity.getSector());
        row.put("district", enterprise.map(Enterprise::getDistrict).orElse(null));
        row.put("manufacturingType", enterprise.map(e -> e.getManufacturingType().name()).orElse(null));
        row.put("declaredScore", maturity.getDeclared().getScore());
        row.put("declaredLevel", maturity.getDeclared().getLevel());
        row.put("verifiedScore", maturity.getVerified().getScore());
        row.put("verifiedLevel", maturity.getVerified().getLevel());
        Optional<String> eligible = eligibleTier(maturity.getTierReadiness());
        row.put("eligibleTier", eligible.orElse(null));
        Optional<TierReadiness> next = nextTier(maturity.getTierReadiness(), eligible);
        row.put("nextTier", next.map(TierReadiness::getTier).orElse(null));
        row.put("nextTierUnmet", next.map(tier -> String.join("; ", tier.getUnmet())).orElse(null));
        List<ScenarioAssessment> scenarios = maturity.getScenarios();
        row.put("scenariosDeployed", scenarios.stream().filter(s -> s.getStatus() == ScenarioStatus.DEPLOYED).count());
        row.put("scenariosVerified", count(scenarios, ScenarioEvidenceStatus.VERIFIED));
        row.put("scenariosContradicted", count(scenarios, ScenarioEvidenceStatus.CONTRADICTED));
        row.put("contradictions", maturity.getContradictions().size());
        for (String kpi : KEY_KPIS) {
            row.put(kpi, maturity.getKpis().get(kpi));
        }
        row.put("modelVersion", maturity.getModelVersion());
        row.put("asOf", maturity.getAsOf().toString());
        return row;
    }

    /** The highest tier the enterprise is eligible for. */
    private static Optional<String> eligibleTier(List<TierReadiness> readiness) {
        return readiness.stream().filter(TierReadiness::getEligible).map(TierReadiness::getTier)
                .max((x, y) -> Integer.compare(TIERS.indexOf(x), TIERS.indexOf(y)));
    }

    /** The lowest tier above {@code eligible} (above none: from basic on) that the enterprise is not eligible for. */
    private static Optional<TierReadiness> nextTier(List<TierReadiness> readiness, Optional<String> eligible) {
        int above = eligible.map(TIERS::indexOf).orElse(-1);
        return readiness.stream().filter(tier -> !tier.getEligible() && TIERS.indexOf(tier.getTier()) > above)
                .min((x, y) -> Integer.compare(TIERS.indexOf(x.getTier()), TIERS.indexOf(y.getTier())));
    }

    private static long count(List<ScenarioAssessment> scenarios, ScenarioEvidenceStatus status) {
        return scenarios.stream().filter(s -> s.getEvidenceStatus() == status).count();
    }

    private static List<ReportColumn> columns() {
        List<ReportColumn> columns = new ArrayList<>(List.of(ReportColumn.text("enterpriseId"),
                ReportColumn.text("name"), ReportColumn.text("sector"), ReportColumn.text("district"),
                ReportColumn.text("manufacturingType"), ReportColumn.number("declaredScore"),
                ReportColumn.number("declaredLevel"), ReportColumn.number("verifiedScore"),
                ReportColumn.number("verifiedLevel"), ReportColumn.text("eligibleTier"), ReportColumn.text("nextTier"),
                ReportColumn.text("nextTierUnmet"), ReportColumn.number("scenariosDeployed"),
                ReportColumn.number("scenariosVerified"), ReportColumn.number("scenariosContradicted"),
                ReportColumn.number("contradictions")));
        KEY_KPIS.forEach(kpi -> columns.add(ReportColumn.number(kpi)));
        columns.add(ReportColumn.text("modelVersion"));
        columns.add(ReportColumn.instant("asOf"));
        return List.copyOf(columns);
    }
}
