package org.pharmamaturity.streams.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The filters of the enterprise report ({@code ?sector=&district=&level=}), each optional; a row passes when it
 * matches every filter given.
 *
 * @param sector a sector code, matched exactly; null: any
 * @param district a district as ref.enterprise names it (e.g. 浦东新区), matched exactly; null: any
 * @param level a verified level 0-5; null: any
 */
record ReportFilter(String sector, String district, Integer level) {

    static final String SECTOR = "sector";
    static final String DISTRICT = "district";
    static final String LEVEL = "level";
    private static final int MAX_DISTRICT = 64;

    /** The filters of {@code request}; 400 listing every bad parameter at once. */
    static ReportFilter of(ApiRequest request) {
        String sector = request.query(SECTOR).orElse(null);
        String district = request.query(DISTRICT).orElse(null);
        String level = request.query(LEVEL).orElse(null);
        List<String> problems = new ArrayList<>();
        if (sector != null && !Identifiers.valid(sector)) {
            problems.add("sector: '" + sector + "' is not a sector code such as C272");
        }
        if (district != null && (district.length() > MAX_DISTRICT
                || district.codePoints().anyMatch(Character::isISOControl))) {
            problems.add("district: not a district name (at most " + MAX_DISTRICT + " characters, no control characters)");
        }
        if (level != null && !level.matches("[0-5]")) {
            problems.add("level: '" + level + "' is not a verified level 0-5");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("The report's filters are not valid.", problems);
        }
        return new ReportFilter(sector, district, level == null ? null : Integer.valueOf(level));
    }

    /** True when {@code row} (of the enterprise report) matches every filter given. */
    boolean accepts(JsonNode row) {
        return (sector == null || sector.equals(row.path(SECTOR).asText(null)))
                && (district == null || district.equals(row.path(DISTRICT).asText(null)))
                && (level == null || level == row.path("verifiedLevel").asInt(-1));
    }
}
