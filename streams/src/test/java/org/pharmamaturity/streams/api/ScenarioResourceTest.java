package org.pharmamaturity.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogueReader;
import org.pharmamaturity.streams.scenario.ScenarioDeclarations;

/**
 * The scenario routes' answers that need no broker: the catalogue, every 400 of a bad declaration (nothing is
 * published then), and the model by version. Publishing a good declaration is in ApiIntegrationTest's style of
 * test on the embedded broker.
 */
class ScenarioResourceTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    private final ScenarioResource resource = new ScenarioResource(new ScenarioDeclarations(ScenarioCatalogueReader.builtIn()), null,
            Duration.ofMillis(100), Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC), Set.of("E1")::contains);

    @Test
    void theCatalogueIsServed() throws Exception {
        ApiResponse answer = resource.routes().get(0).handler().handle(request(Caller.aRegulator(), ""));
        JsonNode body = Json.mapper().readTree(answer.body());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(body.path("catalogueVersion").asText()).isEqualTo("scenarios-2025");
        // 8 links, 40 scenarios (3 + 2 + 2 + 12 + 10 + 4 + 3 + 4)
        assertThat(body.path("scenarios")).hasSize(40);
        JsonNode infrastructure = body.path("scenarios").get(1);
        assertThat(infrastructure.path("scenarioId").asText()).isEqualTo("factory-construction.digital-infrastructure");
        assertThat(infrastructure.path("tierLink").asText()).isEqualTo("factory-construction");
        JsonNode indicator = infrastructure.path("indicators").get(0);
        assertThat(indicator.path("indicator").asText()).isEqualTo("networkingRate");
        assertThat(indicator.path("comparator").asText()).isEqualTo(">=");
        assertThat(indicator.path("threshold").asDouble()).isEqualTo(0.8);
    }

    @Test
    void aBadDeclarationIsA400ListingEveryProblem() {
        ApiException refused = declare(new Caller("E1"), """
                {"enterpriseId": "E2", "catalogueVersion": "scenarios-2025", "declaredAt": "2025-03-01T09:00:00Z",
                 "scenarios": [{"scenarioId": "production-operations.equipment-monitoring", "status": "LIVE"},
                               {"scenarioId": "production-operations.equipment-monitoring", "status": "DEPLOYED"},
                               {"scenarioId": "S-NONE", "status": "PILOT", "since": "2024-13-01"}]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).contains("(6 problem(s))");
        assertThat(refused.problems()).containsExactly(
                "scenarios[0].status: 'LIVE' is not a status; use PLANNED, PILOT, DEPLOYED",
                "scenarios[2].since: '2024-13-01' is not a date such as 2024-06-01",
                "scenarios[1].scenarioId: 'production-operations.equipment-monitoring' is already declared at scenarios[0]",
                "scenarios[2].scenarioId: 'S-NONE' is not a scenario of scenarios-2025",
                "enterpriseId: 'E2' is not the enterprise of this token (E1)",
                // 09:00 is 1 h after the fixed clock's 08:00, beyond the 5 min skew
                "declaredAt: 2025-03-01T09:00:00Z is more than PT5M in the future; check the clock");
    }

    @Test
    void aRegulatorMustNameARegisteredEnterprise() {
        ApiException noEnterprise = declare(Caller.aRegulator(), """
                {"catalogueVersion": "scenarios-2025",
                 "scenarios": [{"scenarioId": "production-operations.equipment-monitoring", "status": "PILOT"}]}""");
        assertThat(noEnterprise.problems()).containsExactly("enterpriseId: missing");

        ApiException unknown = declare(Caller.aRegulator(), """
                {"enterpriseId": "E7", "catalogueVersion": "scenarios-2025",
                 "scenarios": [{"scenarioId": "production-operations.equipment-monitoring", "status": "PILOT"}]}""");
        assertThat(unknown.problems()).singleElement().asString()
                .startsWith("enterpriseId: 'E7' is not registered in ref.enterprise");
    }

    @Test
    void aBodyThatIsNotAnObjectIsA400() {
        ApiException refused = declare(new Caller("E1"), "[1, 2]");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).isEqualTo("The body must be one JSON object (the scenario declaration), not array.");
    }

    @Test
    void theModelIsServedByVersionWith404And400ForTheOthers() throws Exception {
        ModelResource models = new ModelResource(ModelRegistry.builtIn(), ModelLoader.reference());
        Route route = models.routes().get(0);

        ApiResponse byVersion = route.handler().handle(query(Map.of("modelVersion", "cmmm-2020-reference")));
        assertThat(Json.mapper().readTree(byVersion.body()).path("modelVersion").asText())
                .isEqualTo("cmmm-2020-reference");
        ApiResponse byDefault = route.handler().handle(query(Map.of()));
        assertThat(byDefault.body()).isEqualTo(byVersion.body());

        ApiException unknown = catchThrowableOfType(ApiException.class,
                () -> route.handler().handle(query(Map.of("modelVersion", "cmmm-1999"))));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.getMessage()).isEqualTo("No model 'cmmm-1999' is in force; models in force:"
                + " cmmm-2020-reference, cmmm-discrete-v1, cmmm-process-v1.");
        ApiException malformed = catchThrowableOfType(ApiException.class,
                () -> route.handler().handle(query(Map.of("modelVersion", "../etc/passwd"))));
        assertThat(malformed.status()).isEqualTo(400);
    }

    private ApiException declare(Caller caller, String json) {
        return catchThrowableOfType(ApiException.class,
                () -> resource.routes().get(1).handler().handle(request(caller, json)));
    }

    private static ApiRequest request(Caller caller, String body) {
        return new ApiRequest("/api/v1/scenarios/declarations", Map.of(), Map.of(), caller, "Bearer t", false,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiRequest query(Map<String, String> query) {
        return new ApiRequest("/api/v1/model", Map.of(), query, Caller.aRegulator(), "Bearer t", false, new byte[0]);
    }
}
