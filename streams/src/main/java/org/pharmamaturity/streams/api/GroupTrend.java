package org.pharmamaturity.streams.api;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.schemas.avro.SectorMaturity;

/**
 * The points of a group's daily history as the API serves them, each with the figures of a trend (level
 * distribution, mean and median S, shares at level 2 and 3 or higher, tier counts) and, when a comparison period
 * is asked for, each figure's change against the reference point: the group's point of the day that period
 * before, or, when that day has no point (the group did not change that day), its nearest earlier point. A point
 * without such a reference (the history starts later) has {@code change: null}.
 *
 * <p>A point over fewer enterprises than the caller may see statistics of keeps only its day and number of
 * enterprises ({@link GroupDisclosure}); its change, and the change of a point whose reference is withheld, keeps
 * only the change in the number of enterprises, since a difference would reveal the withheld figures.
 */
final class GroupTrend {

    /** The figures of a point that are scores or shares (the number of enterprises is served apart). */
    private static final Map<String, ToDoubleFunction<SectorMaturity>> NUMBERS = numbers();

    private final GroupDisclosure disclosure;
    private final Caller caller;

    GroupTrend(GroupDisclosure disclosure, Caller caller) {
        this.disclosure = disclosure;
        this.caller = caller;
    }

    /**
     * The points of {@code history} (day to the group's statistics, every stored day up to {@code to}) from
     * {@code from} on, with their change against the point {@code compare} before (null: no comparison).
     */
    ArrayNode points(NavigableMap<LocalDate, SectorMaturity> history, LocalDate from, Period compare) {
        ArrayNode points = Json.mapper().createArrayNode();
        history.tailMap(from, true).forEach((day, statistics) -> {
            ObjectNode point = point(day, statistics);
            if (compare != null) {
                Map.Entry<LocalDate, SectorMaturity> reference = history.floorEntry(day.minus(compare));
                if (reference == null) {
                    point.putNull("change");
                } else {
                    point.set("change", change(reference.getKey(), reference.getValue(), statistics));
                }
            }
            points.add(point);
        });
        return points;
    }

    private ObjectNode point(LocalDate day, SectorMaturity statistics) {
        ObjectNode point = Json.mapper().createObjectNode();
        point.put("day", day.toString());
        point.put("enterprises", statistics.getEnterprises());
        if (!shown(statistics)) {
            point.put(GroupDisclosure.WITHHELD_FIELD, "Only the number of enterprises is shown for days the group had"
                    + " fewer than " + disclosure.minGroupSize() + " enterprises (maturity.api.min-group-size).");
            return point;
        }
        point.put("asOf", statistics.getAsOf().toString());
        ObjectNode levels = point.putObject("levelDistribution");
        new TreeMap<>(statistics.getLevelDistribution()).forEach(levels::put);
        NUMBERS.forEach((name, figure) -> point.put(name, figure.applyAsDouble(statistics)));
        ObjectNode tiers = point.putObject("tierCounts");
        statistics.getTierCounts().forEach(tiers::put);
        return point;
    }

    private ObjectNode change(LocalDate referenceDay, SectorMaturity before, SectorMaturity now) {
        ObjectNode change = Json.mapper().createObjectNode();
        change.put("comparedWith", referenceDay.toString());
        change.put("enterprises", now.getEnterprises() - before.getEnterprises());
        if (!shown(before) || !shown(now)) {
            return change;
        }
        change.set("levelDistribution", difference(before.getLevelDistribution(), now.getLevelDistribution()));
        NUMBERS.forEach((name, figure) -> change.put(name, figure.applyAsDouble(now) - figure.applyAsDouble(before)));
        change.set("tierCounts", difference(before.getTierCounts(), now.getTierCounts()));
        return change;
    }

    private boolean shown(SectorMaturity statistics) {
        return disclosure.showsStatistics(caller, statistics.getEnterprises());
    }

    /** Per key of either map, now minus before (a missing key counts 0). */
    private static ObjectNode difference(Map<String, Integer> before, Map<String, Integer> now) {
        ObjectNode difference = Json.mapper().createObjectNode();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(now.keySet());
        keys.forEach(key -> difference.put(key, now.getOrDefault(key, 0) - before.getOrDefault(key, 0)));
        return difference;
    }

    private static Map<String, ToDoubleFunction<SectorMaturity>> numbers() {
        Map<String, ToDoubleFunction<SectorMaturity>> numbers = new LinkedHashMap<>();
        numbers.put("meanScore", SectorMaturity::getMeanScore);
        numbers.put("medianScore", SectorMaturity::getMedianScore);
        numbers.put("shareAtLeastLevel2", SectorMaturity::getShareAtLeastLevel2);
        numbers.put("shareAtLeastLevel3", SectorMaturity::getShareAtLeastLevel3);
        return numbers;
    }
}
