package org.pharmamaturity.streams.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.pharmamaturity.schemas.avro.GroupKind;
import org.pharmamaturity.streams.sector.GroupKey;

/**
 * {@code /api/v1/districts}: the statistics of every district (all its sectors), paged; of one district, or with
 * {@code ?sector=C271} of one sector within it; and the daily history of either. The same statistics and the same
 * minimum group size rule as the sectors ({@link GroupAnswers}).
 */
final class DistrictResource {

    private static final String SECTOR = "sector";
    private static final Set<GroupKind> LISTED = Set.of(GroupKind.DISTRICT);

    private final GroupAnswers groups;

    DistrictResource(GroupAnswers groups) {
        this.groups = groups;
    }

    List<Route> routes() {
        Set<String> historyParameters = new HashSet<>(GroupAnswers.HISTORY_PARAMETERS);
        historyParameters.add(SECTOR);
        return List.of(
                Route.get("/api/v1/districts", Set.of(Paging.LIMIT, Paging.OFFSET),
                        request -> groups.list(request, LISTED, "district", GroupAnswers.DISTRICT_COUNTS)),
                Route.get("/api/v1/districts/{code}", Set.of(SECTOR), request -> groups.one(request, group(request),
                        GroupAnswers.DISTRICT_COUNTS)),
                Route.get("/api/v1/districts/{code}/history", Set.copyOf(historyParameters),
                        request -> groups.history(request, group(request))));
    }

    /** The district of the path, or with {@code sector} the sector (or division) within it. */
    private static GroupKey group(ApiRequest request) {
        String district = request.path("code");
        return request.query(SECTOR).map(sector -> Identifiers.require(SECTOR, sector))
                .map(sector -> GroupKey.sectorInDistrict(sector, district))
                .orElseGet(() -> GroupKey.district(district));
    }
}
