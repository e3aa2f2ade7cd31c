package org.pharmamaturity.streams.api;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.KeyValue;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.schemas.avro.GroupKind;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.sector.GroupKey;
import org.pharmamaturity.streams.state.LocalStores;
import org.pharmamaturity.streams.state.StoreNames;

/**
 * The answers about groups of enterprises that the sector and district resources share: a list of one kind of
 * group, one group's latest statistics (store {@code maturity-sector}) and one group's daily history (store
 * {@code group-history}, {@link GroupTrend}), all within the minimum group size rule ({@link GroupDisclosure}).
 */
final class GroupAnswers {

    /** The query parameters of a history. */
    static final Set<String> HISTORY_PARAMETERS = Set.of("from", "to", "compare");

    /** What a withheld sector keeps, as before other groups existed: its code and number of enterprises. */
    static final Set<String> SECTOR_COUNTS = Set.of("sector", "enterprises");
    /** What a withheld district keeps: what it is and its number of enterprises. */
    static final Set<String> DISTRICT_COUNTS = Set.of("sector", "district", "groupKind", "enterprises");
    private static final LocalDate FIRST_DAY = LocalDate.parse("0001-01-01");
    private static final LocalDate LAST_DAY = LocalDate.parse("9999-12-31");

    private final LocalStores stores;
    private final Instances instances;
    private final GroupDisclosure disclosure;

    GroupAnswers(LocalStores stores, Instances instances, GroupDisclosure disclosure) {
        this.stores = stores;
        this.instances = instances;
        this.disclosure = disclosure;
    }

    /**
     * The latest statistics of every group of {@code kinds}, paged, sorted by {@code sortField}; a withheld group
     * keeps {@code counts}.
     */
    ApiResponse list(ApiRequest request, Set<GroupKind> kinds, String sortField, Set<String> counts)
            throws Exception {
        List<JsonNode> items = new ArrayList<>();
        for (KeyValue<String, SectorMaturity> entry : stores.<SectorMaturity>all(StoreNames.MATURITY_SECTOR)) {
            if (kinds.contains(entry.value.getGroupKind())) {
                items.add(disclosed(request, entry.value, counts));
            }
        }
        if (!request.forwarded()) {
            items.addAll(instances.itemsOfOthers(request, StoreNames.MATURITY_SECTOR));
        }
        return Paging.page(request, items, Paging.byText(sortField));
    }

    /**
     * The latest statistics of {@code group} (withheld: {@code counts} only); 404 when it has none (no member has a
     * result yet).
     */
    ApiResponse one(ApiRequest request, GroupKey group, Set<String> counts) throws Exception {
        String key = group.key();
        return instances.answer(request, StoreNames.MATURITY_SECTOR, key, here -> ApiResponse.json(200,
                disclosed(here, stores.<SectorMaturity>get(StoreNames.MATURITY_SECTOR, key)
                        .orElseThrow(() -> notFound(group)), counts)));
    }

    /**
     * One point per UTC day of {@code group} from {@code from} to {@code to} (UTC days or instants, as the
     * enterprise KPIs take them; 400 on a bad range), each compared with the point {@code compare} (an ISO-8601
     * period such as P90D) before when asked; 404 when the group has no point at all.
     */
    ApiResponse history(ApiRequest request, GroupKey group) throws Exception {
        Parameters.DayRange range = Parameters.dayRange(request, FIRST_DAY, LAST_DAY);
        Period compare = request.query("compare").map(GroupAnswers::period).orElse(null);
        String key = group.key();
        return instances.answer(request, StoreNames.GROUP_HISTORY, key, here -> {
            NavigableMap<LocalDate, SectorMaturity> days = new TreeMap<>();
            // From the first day: the reference points of a comparison may lie before from.
            stores.<SectorMaturity>range(StoreNames.GROUP_HISTORY, StoreNames.groupDayKey(key, FIRST_DAY),
                    StoreNames.groupDayKey(key, range.to())).forEach(entry -> days.put(
                            StoreNames.dayOfGroupDayKey(entry.key), entry.value));
            if (days.isEmpty()) {
                throw notFound(group);
            }
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("group", key);
            body.put("groupKind", group.kind().name());
            body.put("sector", group.sector());
            body.put("district", group.district());
            body.put("from", range.from().toString());
            body.put("to", range.to().toString());
            body.put("compare", compare == null ? null : compare.toString());
            body.set("points", new GroupTrend(disclosure, here.caller()).points(days, range.from(), compare));
            return ApiResponse.json(200, body);
        });
    }

    private static Period period(String text) {
        try {
            Period period = Period.parse(text);
            if (!period.isNegative() && !period.isZero()) {
                return period;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ApiException.badRequest("compare: '" + text + "' is not a positive ISO-8601 period like P90D, P3M or P1Y.");
    }

    private JsonNode disclosed(ApiRequest request, SectorMaturity statistics, Set<String> counts) {
        return disclosure.disclose(request.caller(), AvroJson.of(statistics), statistics.getEnterprises(), counts);
    }

    private static ApiException notFound(GroupKey group) {
        return ApiException.notFound("No statistics for " + group.key() + ": no enterprise of that group has a"
                + " maturity result yet.");
    }
}
