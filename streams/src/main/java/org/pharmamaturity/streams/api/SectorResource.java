package org.pharmamaturity.streams.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.KeyValue;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.state.LocalStores;
import org.pharmamaturity.streams.state.StoreNames;

/**
 * {@code /api/v1/sectors}: the SectorMaturity of every sector (GB/T 4754 code, and {@code ALL}), paged, and of
 * one sector. Aggregates, so every role reads them, within the minimum group size rule ({@link GroupDisclosure}):
 * of a sector with too few enterprises a caller other than a regulator gets the number of enterprises only.
 */
final class SectorResource {

    /** What a withheld sector keeps: its code and number of enterprises. */
    private static final Set<String> COUNTS = Set.of("sector", "enterprises");

    private final LocalStores stores;
    private final Instances instances;
    private final GroupDisclosure groups;

    SectorResource(LocalStores stores, Instances instances, GroupDisclosure groups) {
        this.stores = stores;
        this.instances = instances;
        this.groups = groups;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/v1/sectors", Set.of(Paging.LIMIT, Paging.OFFSET), this::list),
                Route.get("/api/v1/sectors/{code}", Set.of(), this::one));
    }

    private ApiResponse list(ApiRequest request) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        for (KeyValue<String, SectorMaturity> entry : stores.<SectorMaturity>all(StoreNames.MATURITY_SECTOR)) {
            items.add(disclosed(request, entry.value));
        }
        if (!request.forwarded()) {
            items.addAll(instances.itemsOfOthers(request, StoreNames.MATURITY_SECTOR));
        }
        return Paging.page(request, items, Paging.byText("sector"));
    }

    private ApiResponse one(ApiRequest request) throws Exception {
        String code = request.path("code");
        return instances.answer(request, StoreNames.MATURITY_SECTOR, code, here -> ApiResponse.json(200,
                disclosed(here, stores.<SectorMaturity>get(StoreNames.MATURITY_SECTOR, code)
                        .orElseThrow(() -> ApiException.notFound("No statistics for sector " + code
                                + ": no enterprise of that GB/T 4754 code has a maturity result yet.")))));
    }

    private JsonNode disclosed(ApiRequest request, SectorMaturity sector) {
        return groups.disclose(request.caller(), AvroJson.of(sector), sector.getEnterprises(), COUNTS);
    }
}
