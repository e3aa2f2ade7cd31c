package org.pharmamaturity.streams.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pharmamaturity.evaluation.json.Json;

/**
 * The group report: the statistics of every group (the JSON of its SectorMaturity record), one sheet per group
 * kind, one row per group. The kind is the record's {@code groupKind} field; a record without one is a sector's,
 * or {@code ALL}'s for the key {@code ALL}. Nested figures (level distribution, tier counts, sub-domain means, KPI
 * quartiles) are flattened into columns named by their path, e.g. {@code levelDistribution.3} and
 * {@code kpiBenchmarks.oee.median}, so a field added to the record later gets its columns without a code change.
 * The daily points of every group ({@link #trendPoint}) make one more sheet, {@value #TREND_SHEET}: one row per group
 * and day, ordered by group key (a district's statistics say {@code sector} ALL, so the key tells the groups apart)
 * and day.
 */
public final class GroupReport {

    /** The field naming a group's kind. */
    static final String KIND_FIELD = "groupKind";
    static final String SECTOR_KIND = "SECTOR";
    static final String ALL_KIND = "ALL";
    /** The sheet of the daily points, and the field that marks a row as one. */
    static final String TREND_SHEET = "trend";
    static final String DAY_FIELD = "day";
    static final String GROUP_FIELD = "group";
    /** Bookkeeping of the record, not statistics. */
    private static final Set<String> LEFT_OUT = Set.of("eventId", "eventTime");

    private GroupReport() {
    }

    /**
     * One table per group kind (in the order of kind names), each with its groups ordered by {@code sector}; before
     * any enterprise has a result, one empty ALL table, as a workbook needs a sheet to open; then, when
     * there are daily points, the {@value #TREND_SHEET} sheet.
     */
    public static List<ReportTable> tables(List<JsonNode> groupsAndPoints) {
        List<JsonNode> groups = groupsAndPoints.stream().filter(row -> !row.has(DAY_FIELD)).toList();
        List<ObjectNode> points = new ArrayList<>(groupsAndPoints.stream().filter(row -> row.has(DAY_FIELD))
                .map(GroupReport::flatten).toList());
        points.sort(Comparator.<ObjectNode, String>comparing(row -> row.path(GROUP_FIELD).asText())
                .thenComparing(row -> row.path(DAY_FIELD).asText()));
        List<ReportTable> tables = new ArrayList<>(latest(groups));
        if (!points.isEmpty()) {
            tables.add(new ReportTable(TREND_SHEET, columns(points), List.copyOf(points)));
        }
        return tables;
    }

    /**
     * A group's statistics at the end of {@code day} (a point of its history) as a row of the trend sheet: the
     * group's key (a maturity.sector key) and the day first, then the statistics.
     */
    public static JsonNode trendPoint(String group, LocalDate day, JsonNode statistics) {
        ObjectNode point = Json.mapper().createObjectNode();
        point.put(GROUP_FIELD, group);
        point.put(DAY_FIELD, day.toString());
        point.setAll((ObjectNode) statistics);
        return point;
    }

    private static List<ReportTable> latest(List<JsonNode> groups) {
        if (groups.isEmpty()) {
            return List.of(new ReportTable(ALL_KIND, List.of(ReportColumn.text("sector"),
                    ReportColumn.number("enterprises")), List.of()));
        }
        Map<String, List<ObjectNode>> byKind = new TreeMap<>();
        for (JsonNode group : groups) {
            byKind.computeIfAbsent(kind(group), kind -> new ArrayList<>()).add(flatten(group));
        }
        List<ReportTable> tables = new ArrayList<>();
        byKind.forEach((kind, rows) -> {
            rows.sort((x, y) -> x.path("sector").asText().compareTo(y.path("sector").asText()));
            tables.add(new ReportTable(kind, columns(rows), List.copyOf(rows)));
        });
        return tables;
    }

    /** The kind of a group record: its {@code groupKind}, else {@code ALL} for the key ALL and a sector otherwise. */
    static String kind(JsonNode group) {
        JsonNode kind = group.get(KIND_FIELD);
        if (kind != null && kind.isTextual() && !kind.asText().isEmpty()) {
            return kind.asText();
        }
        return ALL_KIND.equals(group.path("sector").asText()) ? ALL_KIND : SECTOR_KIND;
    }

    /** The group's fields as one level: nested objects become {@code parent.child} fields, arrays are left out. */
    private static ObjectNode flatten(JsonNode group) {
        ObjectNode flat = Json.mapper().createObjectNode();
        group.properties().forEach(field -> {
            if (!LEFT_OUT.contains(field.getKey())) {
                flattenInto(flat, field.getKey(), field.getValue());
            }
        });
        return flat;
    }

    private static void flattenInto(ObjectNode flat, String path, JsonNode value) {
        if (value.isObject()) {
            value.properties().forEach(field -> flattenInto(flat, path + "." + field.getKey(), field.getValue()));
        } else if (value.isValueNode()) {
            flat.set(path, value);
        }
    }

    /**
     * Every field of any row, typed by the values it holds: the record's fields in the order first seen, and the
     * columns flattened from one field (the levels of a distribution) sorted by name.
     */
    private static List<ReportColumn> columns(List<ObjectNode> rows) {
        Map<String, List<JsonNode>> values = new LinkedHashMap<>();
        Map<String, Integer> fieldOrder = new LinkedHashMap<>();
        for (ObjectNode row : rows) {
            row.properties().forEach(field -> {
                values.computeIfAbsent(field.getKey(), name -> new ArrayList<>()).add(field.getValue());
                fieldOrder.putIfAbsent(recordField(field.getKey()), fieldOrder.size());
            });
        }
        return values.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<JsonNode>>>comparingInt(
                        entry -> fieldOrder.get(recordField(entry.getKey()))).thenComparing(Map.Entry::getKey))
                .map(entry -> new ReportColumn(entry.getKey(), kindOf(entry.getValue()))).toList();
    }

    /** The record's field a flattened column comes from: {@code levelDistribution} of {@code levelDistribution.3}. */
    private static String recordField(String column) {
        int dot = column.indexOf('.');
        return dot < 0 ? column : column.substring(0, dot);
    }

    private static ReportColumn.Kind kindOf(List<JsonNode> cells) {
        List<JsonNode> present = cells.stream().filter(cell -> !cell.isNull()).toList();
        if (!present.isEmpty() && present.stream().allMatch(JsonNode::isNumber)) {
            return ReportColumn.Kind.NUMBER;
        }
        if (!present.isEmpty() && present.stream().allMatch(GroupReport::isInstant)) {
            return ReportColumn.Kind.INSTANT;
        }
        return ReportColumn.Kind.TEXT;
    }

    private static boolean isInstant(JsonNode cell) {
        try {
            Instant.parse(cell.asText());
            return cell.isTextual();
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
