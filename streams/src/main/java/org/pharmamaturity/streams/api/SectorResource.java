package org.pharmamaturity.streams.api;

import java.util.List;
import java.util.Set;

import org.pharmamaturity.schemas.avro.GroupKind;
import org.pharmamaturity.streams.sector.GroupKey;

/**
 * {@code /api/v1/sectors}: the SectorMaturity of every sector (GB/T 4754 code, and {@code ALL}), paged; of one
 * sector, of a division ({@code C27}, {@code C35}: its sectors rolled up; not in the list, which stays as it was)
 * or of {@code ALL}; and one such group's daily history. Aggregates, so every role reads them, within the minimum
 * group size rule ({@link GroupDisclosure}): of a group with too few enterprises a caller other than a regulator
 * gets the number of enterprises only.
 */
final class SectorResource {

    /** The kinds the list shows: the sectors and ALL, as before divisions and districts existed. */
    private static final Set<GroupKind> LISTED = Set.of(GroupKind.SECTOR, GroupKind.ALL);

    private final GroupAnswers groups;

    SectorResource(GroupAnswers groups) {
        this.groups = groups;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/v1/sectors", Set.of(Paging.LIMIT, Paging.OFFSET),
                        request -> groups.list(request, LISTED, "sector", GroupAnswers.SECTOR_COUNTS)),
                Route.get("/api/v1/sectors/{code}", Set.of(), request -> groups.one(request, group(request),
                        GroupAnswers.SECTOR_COUNTS)),
                Route.get("/api/v1/sectors/{code}/history", GroupAnswers.HISTORY_PARAMETERS,
                        request -> groups.history(request, group(request))));
    }

    private static GroupKey group(ApiRequest request) {
        return GroupKey.ofCode(request.path("code"));
    }
}
