package org.pharmamaturity.streams.api;

import java.util.List;
import java.util.Set;

import org.pharmamaturity.schemas.avro.ProgrammeProgress;
import org.pharmamaturity.streams.programme.ProgrammeRecords;
import org.pharmamaturity.streams.state.LocalStores;
import org.pharmamaturity.streams.state.StoreNames;

/**
 * {@code /api/v1/programme}: the ProgrammeProgress of Shanghai's pharma programme (targets, awarded titles,
 * candidates and close candidates). Regulators only: the candidate lists name enterprises and say how they stand
 * against each other, which is as confidential as their scores; and the counts alone, on a programme of a few
 * dozen enterprises, would tell an enterprise how its peers stand. So an enterprise token gets 403.
 */
final class ProgrammeResource {

    private final LocalStores stores;
    private final Instances instances;

    ProgrammeResource(LocalStores stores, Instances instances) {
        this.stores = stores;
        this.instances = instances;
    }

    List<Route> routes() {
        return List.of(Route.get("/api/v1/programme", Set.of(), this::progress));
    }

    private ApiResponse progress(ApiRequest request) throws Exception {
        if (!request.caller().isRegulator()) {
            throw ApiException.forbidden("The programme's progress names candidate enterprises: only a regulator's"
                    + " token reads it. An enterprise token reads its own data and the sector aggregates.");
        }
        String programme = ProgrammeRecords.PROGRAMME_ID;
        return instances.answer(request, StoreNames.MATURITY_PROGRAMME, programme, here -> ApiResponse.json(200,
                AvroJson.of(stores.<ProgrammeProgress>get(StoreNames.MATURITY_PROGRAMME, programme)
                        .orElseThrow(() -> ApiException.notFound("No progress of programme " + programme
                                + " yet: it is published once an enterprise has a maturity result or a title is"
                                + " awarded (ref.title).")))));
    }
}
