package org.pharmamaturity.streams.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.pharmamaturity.evaluation.kpi.ExcursionEpisode;
import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.schemas.avro.AlertKind;
import org.pharmamaturity.schemas.avro.AlertSeverity;
import org.pharmamaturity.schemas.avro.Contradiction;

/** Builds the Alert records of maturity.alerts, one sentence for a person and the facts as attributes. */
public final class Alerts {

    private Alerts() {
    }

    /** A cold-chain excursion episode of a shipment or storage unit. */
    public static Alert excursion(String enterpriseId, String siteId, String unitId, String context,
            ExcursionEpisode episode, double labelMinC, double labelMaxC) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("unitId", unitId);
        attributes.put("context", context);
        attributes.put("start", Instant.ofEpochMilli(episode.startMs()).toString());
        attributes.put("end", Instant.ofEpochMilli(episode.endMs()).toString());
        attributes.put("readings", Integer.toString(episode.readings()));
        attributes.put("minTemperatureC", Double.toString(episode.minTemperatureC()));
        attributes.put("maxTemperatureC", Double.toString(episode.maxTemperatureC()));
        attributes.put("labelMinC", Double.toString(labelMinC));
        attributes.put("labelMaxC", Double.toString(labelMaxC));
        String detail = String.format(Locale.ROOT, "%s %s left its label range %.1f..%.1f °C from %s: %d reading(s)"
                + " between %.1f and %.1f °C.", "TRANSPORT".equals(context) ? "Shipment" : "Storage unit", unitId,
                labelMinC, labelMaxC, Instant.ofEpochMilli(episode.startMs()), episode.readings(),
                episode.minTemperatureC(), episode.maxTemperatureC());
        return alert(enterpriseId, siteId, AlertKind.COLD_CHAIN_EXCURSION, AlertSeverity.CRITICAL, unitId,
                episode.startMs(), detail, attributes);
    }

    /** A self-assessed grade that the data contradicts. */
    public static Alert contradiction(String enterpriseId, Instant asOf, Contradiction contradiction) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("requirementId", contradiction.getRequirementId());
        attributes.put("ruleId", contradiction.getRuleId());
        attributes.put("indicator", contradiction.getIndicator());
        attributes.put("value", Double.toString(contradiction.getValue()));
        attributes.put("threshold", Double.toString(contradiction.getThreshold()));
        attributes.put("declaredGrade", contradiction.getDeclaredGrade().name());
        attributes.put("verifiedGrade", contradiction.getVerifiedGrade().name());
        String detail = String.format(Locale.ROOT, "Requirement %s was declared %s, but %s = %s contradicts it"
                + " (rule %s, threshold %s); verified as %s.", contradiction.getRequirementId(),
                contradiction.getDeclaredGrade(), contradiction.getIndicator(), contradiction.getValue(),
                contradiction.getRuleId(), contradiction.getThreshold(), contradiction.getVerifiedGrade());
        return alert(enterpriseId, null, AlertKind.CONTRADICTION, AlertSeverity.WARNING,
                contradiction.getRequirementId(), asOf.toEpochMilli(), detail, attributes);
    }

    /** The verified maturity level changed. */
    public static Alert levelChange(String enterpriseId, Instant asOf, int fromLevel, int toLevel, double score) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("fromLevel", Integer.toString(fromLevel));
        attributes.put("toLevel", Integer.toString(toLevel));
        attributes.put("score", Double.toString(score));
        String detail = String.format(Locale.ROOT, "Verified maturity level of %s went from %d to %d (score %.3f).",
                enterpriseId, fromLevel, toLevel, score);
        return alert(enterpriseId, null, AlertKind.LEVEL_CHANGE, toLevel < fromLevel ? AlertSeverity.WARNING
                : AlertSeverity.INFO, null, asOf.toEpochMilli(), detail, attributes);
    }

    /**
     * The smart-factory tiers the enterprise is eligible for changed: {@code gained} and {@code lost} name the tiers
     * (basic, advanced, excellent, leading); losing one is a WARNING.
     */
    public static Alert tierChange(String enterpriseId, Instant asOf, List<String> gained, List<String> lost) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("gained", String.join(",", gained));
        attributes.put("lost", String.join(",", lost));
        String detail = "Smart-factory tiers of " + enterpriseId + " changed: gained " + names(gained) + ", lost "
                + names(lost) + ".";
        return alert(enterpriseId, null, AlertKind.TIER_CHANGE, lost.isEmpty() ? AlertSeverity.INFO
                : AlertSeverity.WARNING, null, asOf.toEpochMilli(), detail, attributes);
    }

    private static String names(List<String> tiers) {
        return tiers.isEmpty() ? "none" : String.join(", ", tiers);
    }

    /** No data from the enterprise for longer than the allowed silence. */
    public static Alert dataGap(String enterpriseId, long lastArrivalMs, long lastEventTimeMs, Duration silence) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("lastArrival", Instant.ofEpochMilli(lastArrivalMs).toString());
        attributes.put("lastEventTime", Instant.ofEpochMilli(lastEventTimeMs).toString());
        attributes.put("silence", silence.toString());
        String detail = String.format(Locale.ROOT, "No data from %s since %s (more than %s); check its gateways and"
                + " producers.", enterpriseId, Instant.ofEpochMilli(lastArrivalMs), silence);
        return alert(enterpriseId, null, AlertKind.DATA_GAP, AlertSeverity.WARNING, null, lastEventTimeMs, detail,
                attributes);
    }

    private static Alert alert(String enterpriseId, String siteId, AlertKind kind, AlertSeverity severity,
            String subjectId, long eventTimeMs, String detail, Map<String, String> attributes) {
        return Alert.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventTime(Instant.ofEpochMilli(eventTimeMs))
                .setEnterpriseId(enterpriseId)
                .setSiteId(siteId)
                .setKind(kind)
                .setSeverity(severity)
                .setSubjectId(subjectId)
                .setDetail(detail)
                .setAttributes(attributes)
                .build();
    }
}
