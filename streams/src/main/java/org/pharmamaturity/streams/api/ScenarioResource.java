package org.pharmamaturity.streams.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.scenario.Scenario;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogue;
import org.pharmamaturity.evaluation.scenario.ScenarioIndicator;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.declaration.DeclarationReading;
import org.pharmamaturity.schemas.declaration.ScenarioDeclarationJson;
import org.pharmamaturity.schemas.declaration.ScenarioDeclarationRules;
import org.pharmamaturity.streams.scenario.ScenarioDeclarations;

/**
 * The typical scenarios: {@code GET /api/v1/scenarios} serves the catalogue in force, and
 * {@code POST /api/v1/scenarios/declarations} takes an enterprise's scenario declaration (the JSON form of
 * {@link ScenarioDeclarationJson}; submissionId and declaredAt default to a new id and now, enterpriseId to the
 * token's enterprise). An enterprise declares for itself; a regulator may declare for any registered enterprise,
 * naming it. The declaration is checked by the same rules as in the pipeline, every problem listed in one 400, then
 * published to assessment.scenarios.declared; the 202 answer says where and from when it shows.
 */
final class ScenarioResource {

    private final ScenarioDeclarations declarations;
    private final InputPublisher<ScenarioDeclaration> publisher;
    private final Duration commitInterval;
    private final Duration maxFutureSkew;
    private final Clock clock;
    private final Predicate<String> registered;

    /** {@code registered} says whether ref.enterprise knows an enterprise (the pipeline dead-letters the others). */
    ScenarioResource(ScenarioDeclarations declarations, InputPublisher<ScenarioDeclaration> publisher,
            Duration commitInterval, Duration maxFutureSkew, Clock clock, Predicate<String> registered) {
        this.declarations = declarations;
        this.publisher = publisher;
        this.commitInterval = commitInterval;
        this.maxFutureSkew = maxFutureSkew;
        this.clock = clock;
        this.registered = registered;
    }

    List<Route> routes() {
        return List.of(Route.get("/api/v1/scenarios", Set.of(), request -> catalogue()),
                Route.post("/api/v1/scenarios/declarations", this::declare));
    }

    private ApiResponse catalogue() {
        ObjectNode body = Json.mapper().createObjectNode();
        ScenarioCatalogue catalogue = declarations.catalogue();
        body.put("catalogueVersion", catalogue.catalogueVersion());
        body.put("source", catalogue.source());
        ArrayNode scenarios = body.putArray("scenarios");
        for (Scenario scenario : catalogue.scenarios()) {
            ObjectNode item = scenarios.addObject();
            item.put("scenarioId", scenario.scenarioId());
            item.put("link", scenario.link());
            item.put("tierLink", scenario.tierLink());
            item.put("nameZh", scenario.nameZh());
            item.put("nameEn", scenario.nameEn());
            ArrayNode indicators = item.putArray("indicators");
            for (ScenarioIndicator indicator : scenario.indicators()) {
                indicators.addObject().put("indicator", indicator.indicator())
                        .put("comparator", indicator.comparator().symbol()).put("threshold", indicator.threshold())
                        .put("minCoverage", indicator.minCoverage());
            }
        }
        return ApiResponse.json(200, body);
    }

    private ApiResponse declare(ApiRequest request) throws InterruptedException {
        Caller caller = request.caller();
        Instant now = clock.instant();
        ObjectNode body = Submissions.object(request.body(), "scenario declaration");
        body.putIfAbsent("submissionId", body.textNode(UUID.randomUUID().toString()));
        if (!caller.isRegulator()) {
            body.putIfAbsent("enterpriseId", body.textNode(caller.enterpriseId()));
        }
        DeclarationReading reading = ScenarioDeclarationJson.read(body, now, "api");
        ScenarioDeclaration declaration = reading.declaration();
        List<String> problems = new ArrayList<>(ScenarioDeclarationRules.merge(reading.problems(),
                declarations.problems(declaration)));
        Submissions.checkEnterprise(caller, declaration.getEnterpriseId(), registered, "scenario declaration",
                problems);
        if (declaration.getEventTime().isAfter(now.plus(maxFutureSkew))) {
            problems.add("declaredAt: " + declaration.getEventTime() + " is more than " + maxFutureSkew
                    + " in the future; check the clock");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("The scenario declaration is not valid (" + problems.size()
                    + " problem(s)); correct every one and submit it again.", problems);
        }
        RecordMetadata published = publisher.publish(declaration);
        String location = "/api/v1/enterprises/" + declaration.getEnterpriseId();
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("submissionId", declaration.getSubmissionId());
        answer.put("enterpriseId", declaration.getEnterpriseId());
        answer.put("catalogueVersion", declaration.getCatalogueVersion());
        answer.put("scenarios", declaration.getScenarios().size());
        return ApiResponse.json(202, Submissions.accepted(answer, published, now, commitInterval, location,
                "scenario declaration (with the enterprise's self-assessment, which it needs to be scored)"),
                Map.of("Location", location));
    }
}
