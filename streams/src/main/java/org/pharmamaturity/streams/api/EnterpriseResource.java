package org.pharmamaturity.streams.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.KeyValue;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.MaturityView;
import org.pharmamaturity.streams.state.LocalStores;
import org.pharmamaturity.streams.state.StoreNames;

/**
 * {@code /api/v1/enterprises}: the list (filtered by sector and verified level, paged), the latest
 * EnterpriseMaturity of one enterprise, its history of published results over a time range, and its daily KPIs
 * over a range of UTC days with the rolling 30-day values. A key held by another instance is answered there.
 */
final class EnterpriseResource {

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final LocalDate FIRST_DAY = LocalDate.parse("0001-01-01");
    private static final LocalDate LAST_DAY = LocalDate.parse("9999-12-31");

    private final LocalStores stores;
    private final Instances instances;

    EnterpriseResource(LocalStores stores, Instances instances) {
        this.stores = stores;
        this.instances = instances;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/v1/enterprises", Set.of("sector", "level", Paging.LIMIT, Paging.OFFSET), this::list),
                Route.get("/api/v1/enterprises/{id}", Set.of(), this::latest),
                Route.get("/api/v1/enterprises/{id}/history", Set.of("from", "to", Paging.LIMIT, Paging.OFFSET),
                        this::history),
                Route.get("/api/v1/enterprises/{id}/kpis", Set.of("from", "to"), this::kpis));
    }

    private ApiResponse list(ApiRequest request) throws Exception {
        String sector = request.query("sector").orElse(null);
        Integer level = request.query("level").isPresent() ? Parameters.integer(request, "level", 0, 0, 5) : null;
        List<JsonNode> items = new ArrayList<>();
        for (KeyValue<String, EnterpriseMaturity> entry : stores.<EnterpriseMaturity>all(StoreNames.MATURITY_ENTERPRISE_LATEST)) {
            EnterpriseMaturity maturity = entry.value;
            if (request.caller().mayRead(entry.key) && (sector == null || sector.equals(maturity.getSector()))
                    && (level == null || level == maturity.getVerified().getLevel())) {
                items.add(summary(maturity));
            }
        }
        if (!request.forwarded()) {
            items.addAll(instances.itemsOfOthers(request, StoreNames.MATURITY_ENTERPRISE_LATEST));
        }
        return Paging.page(request, items, Paging.byText("enterpriseId"));
    }

    private ApiResponse latest(ApiRequest request) throws Exception {
        String id = request.path("id");
        request.caller().requireRead(id);
        return instances.answer(request, StoreNames.MATURITY_ENTERPRISE_LATEST, id, here -> ApiResponse.json(200,
                AvroJson.of(stores.<EnterpriseMaturity>get(StoreNames.MATURITY_ENTERPRISE_LATEST, id)
                        .orElseThrow(() -> ApiException.notFound("No maturity result for enterprise " + id
                                + " yet: it appears once the enterprise has submitted a self-assessment.")))));
    }

    private ApiResponse history(ApiRequest request) throws Exception {
        String id = request.path("id");
        request.caller().requireRead(id);
        Parameters.InstantRange range = Parameters.instantRange(request, EARLIEST, LATEST);
        Instant from = range.from();
        Instant to = range.to();
        return instances.answer(request, StoreNames.MATURITY_ENTERPRISE_HISTORY, id, here -> {
            List<JsonNode> snapshots = new ArrayList<>();
            stores.<EnterpriseMaturity>range(StoreNames.MATURITY_ENTERPRISE_HISTORY, StoreNames.historyKey(id, from),
                    StoreNames.historyKey(id, to)).forEach(entry -> snapshots.add(AvroJson.of(entry.value)));
            int limit = Parameters.integer(here, Paging.LIMIT, Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT);
            int offset = Parameters.integer(here, Paging.OFFSET, 0, 0, Integer.MAX_VALUE);
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("enterpriseId", id);
            body.put("from", from.toString());
            body.put("to", to.toString());
            body.put("total", snapshots.size());
            body.put("offset", offset);
            body.put("limit", limit);
            body.putArray("snapshots").addAll(snapshots.subList(Math.min(offset, snapshots.size()),
                    (int) Math.min((long) offset + limit, snapshots.size())));
            return ApiResponse.json(200, body);
        });
    }

    private ApiResponse kpis(ApiRequest request) throws Exception {
        String id = request.path("id");
        request.caller().requireRead(id);
        Parameters.DayRange range = Parameters.dayRange(request, FIRST_DAY, LAST_DAY);
        LocalDate from = range.from();
        LocalDate to = range.to();
        return instances.answer(request, StoreNames.KPI_ENTERPRISE_DAILY, id, here -> {
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("enterpriseId", id);
            body.put("from", from.toString());
            body.put("to", to.toString());
            body.set("rolling", stores.<EnterpriseKpi>get(StoreNames.KPI_ENTERPRISE_ROLLING, id)
                    .<JsonNode>map(AvroJson::of).orElse(body.nullNode()));
            ArrayNode days = body.putArray("days");
            stores.<EnterpriseKpi>range(StoreNames.KPI_ENTERPRISE_DAILY, Topic.dailyKey(id, from), Topic.dailyKey(id, to))
                    .forEach(entry -> days.add(AvroJson.of(entry.value)));
            return ApiResponse.json(200, body);
        });
    }

    private static JsonNode summary(EnterpriseMaturity maturity) {
        ObjectNode item = Json.mapper().createObjectNode();
        item.put("enterpriseId", maturity.getEnterpriseId());
        item.put("sector", maturity.getSector());
        item.put("asOf", maturity.getAsOf().toString());
        item.put("modelVersion", maturity.getModelVersion());
        item.set("declared", view(maturity.getDeclared()));
        item.set("verified", view(maturity.getVerified()));
        item.put("contradictions", maturity.getContradictions().size());
        return item;
    }

    private static JsonNode view(MaturityView view) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("score", view.getScore());
        node.put("level", view.getLevel());
        return node;
    }
}
