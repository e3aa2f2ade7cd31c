package org.pharmamaturity.streams.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.KeyValue;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.report.CsvReport;
import org.pharmamaturity.streams.report.EnterpriseReport;
import org.pharmamaturity.streams.report.GroupReport;
import org.pharmamaturity.streams.report.ReportTable;
import org.pharmamaturity.streams.report.XlsxReport;
import org.pharmamaturity.streams.state.LocalStores;
import org.pharmamaturity.streams.state.StoreNames;

/**
 * {@code /api/v1/reports}: files a regulator can hand on. The enterprise report (CSV or XLSX, filtered by sector,
 * district and verified level; an enterprise token gets its own row only) and the group report (XLSX, one sheet per
 * group kind; regulators only). The instance asked collects the rows of every instance (a forwarded request
 * answers its rows as JSON {@code items}) and writes the file.
 */
final class ReportResource {

    private final LocalStores stores;
    private final Instances instances;

    ReportResource(LocalStores stores, Instances instances) {
        this.stores = stores;
        this.instances = instances;
    }

    List<Route> routes() {
        Set<String> filters = Set.of(ReportFilter.SECTOR, ReportFilter.DISTRICT, ReportFilter.LEVEL);
        return List.of(
                Route.get("/api/v1/reports/enterprises.csv", filters, request -> enterprises(request,
                        table -> ApiResponse.attachment(CsvReport.CONTENT_TYPE, CsvReport.write(table), "enterprises.csv"))),
                Route.get("/api/v1/reports/enterprises.xlsx", filters, request -> enterprises(request,
                        table -> ApiResponse.attachment(XlsxReport.CONTENT_TYPE, XlsxReport.write(List.of(table)),
                                "enterprises.xlsx"))),
                Route.get("/api/v1/reports/groups.xlsx", Set.of(), this::groups));
    }

    private ApiResponse enterprises(ApiRequest request, Function<ReportTable, ApiResponse> file) throws Exception {
        ReportFilter filter = ReportFilter.of(request);
        List<JsonNode> rows = new ArrayList<>();
        for (KeyValue<String, EnterpriseMaturity> entry : stores.<EnterpriseMaturity>all(StoreNames.MATURITY_ENTERPRISE_LATEST)) {
            if (request.caller().mayRead(entry.key)) {
                ObjectNode row = EnterpriseReport.row(entry.value,
                        stores.<Enterprise>get(StoreNames.REF_ENTERPRISE, entry.key));
                if (filter.accepts(row)) {
                    rows.add(row);
                }
            }
        }
        return answer(request, StoreNames.MATURITY_ENTERPRISE_LATEST, rows, "enterpriseId",
                all -> file.apply(EnterpriseReport.table(all)));
    }

    private ApiResponse groups(ApiRequest request) throws Exception {
        if (!request.caller().isRegulator()) {
            throw ApiException.forbidden("The group report is for regulators; an enterprise reads the sector"
                    + " aggregates at GET /api/v1/sectors.");
        }
        List<JsonNode> groups = new ArrayList<>();
        for (KeyValue<String, SectorMaturity> entry : stores.<SectorMaturity>all(StoreNames.MATURITY_SECTOR)) {
            groups.add(AvroJson.of(entry.value));
        }
        // The daily points travel with the latest statistics: both stores belong to the sector-statistics processor,
        // so the instances that hold one hold the other.
        for (KeyValue<String, SectorMaturity> entry : stores.<SectorMaturity>all(StoreNames.GROUP_HISTORY)) {
            groups.add(GroupReport.trendPoint(StoreNames.groupOfGroupDayKey(entry.key), StoreNames.dayOfGroupDayKey(entry.key),
                    AvroJson.of(entry.value)));
        }
        return answer(request, StoreNames.MATURITY_SECTOR, groups, "sector", all -> ApiResponse.attachment(
                XlsxReport.CONTENT_TYPE, XlsxReport.write(GroupReport.tables(all)), "groups.xlsx"));
    }

    /**
     * A forwarded request gets this instance's {@code rows} as JSON items; the instance asked adds every other
     * instance's rows, orders them by {@code orderField} and writes the file.
     */
    private ApiResponse answer(ApiRequest request, String storeName, List<JsonNode> rows, String orderField,
            Function<List<JsonNode>, ApiResponse> file) throws Exception {
        if (request.forwarded()) {
            ObjectNode body = Json.mapper().createObjectNode();
            body.putArray("items").addAll(rows);
            return ApiResponse.json(200, body);
        }
        List<JsonNode> all = new ArrayList<>(rows);
        all.addAll(instances.itemsOfOthers(request, storeName));
        all.sort(Comparator.comparing(row -> row.path(orderField).asText()));
        return file.apply(all);
    }
}
