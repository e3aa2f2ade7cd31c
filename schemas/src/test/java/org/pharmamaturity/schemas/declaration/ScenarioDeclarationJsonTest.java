package org.pharmamaturity.schemas.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.DeclaredScenario;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.ScenarioStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON form of a scenario declaration and the rules every reader of it applies. */
class ScenarioDeclarationJsonTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A catalogue of two scenarios, for the catalogue checks. */
    private static final KnownScenarios TWO_SCENARIOS = new KnownScenarios() {
        @Override
        public Optional<String> catalogueVersion() {
            return Optional.of("scenarios-test");
        }

        @Override
        public boolean knows(String scenarioId) {
            return Set.of("S-01", "S-02").contains(scenarioId);
        }
    };

    @Test
    void aGoodDeclarationReadsFieldByField() {
        DeclarationReading reading = read("""
                {"enterpriseId": "E1", "submissionId": "D1", "catalogueVersion": "scenarios-test",
                 "declaredAt": "2025-02-01T00:00:00Z",
                 "scenarios": [{"scenarioId": "S-01", "status": "DEPLOYED", "aiEnabled": true,
                                "since": "2024-06-01", "evidence": "MES module live"},
                               {"scenarioId": "S-02", "status": "PLANNED"}]}""", TWO_SCENARIOS);

        assertThat(reading.problems()).isEmpty();
        ScenarioDeclaration declaration = reading.declaration();
        assertThat(declaration.getEventTime()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
        assertThat(declaration.getEventId()).isEqualTo(ScenarioDeclarationJson.eventId("test", "E1", "D1"));
        assertThat(declaration.getScenarios()).containsExactly(
                new DeclaredScenario("S-01", ScenarioStatus.DEPLOYED, true, LocalDate.of(2024, 6, 1), "MES module live"),
                // aiEnabled defaults to false; since and evidence to null
                new DeclaredScenario("S-02", ScenarioStatus.PLANNED, false, null, null));
    }

    @Test
    void withoutDeclaredAtTheDeclarationIsOfNow() {
        DeclarationReading reading = read("""
                {"enterpriseId": "E1", "submissionId": "D1", "catalogueVersion": "c",
                 "scenarios": [{"scenarioId": "S-01", "status": "PILOT"}]}""", KnownScenarios.unchecked());

        assertThat(reading.valid()).isTrue();
        assertThat(reading.declaration().getEventTime()).isEqualTo(NOW);
    }

    @Test
    void everyProblemIsListedOncePerField() {
        DeclarationReading reading = read("""
                {"submissionId": " ", "declaredAt": "yesterday",
                 "scenarios": [{"scenarioId": "S-01", "status": "LIVE", "aiEnabled": "yes"},
                               {"scenarioId": "", "status": "DEPLOYED", "since": "June"},
                               {"scenarioId": "S-01", "status": "PILOT"},
                               {"scenarioId": "S-99", "status": "DEPLOYED"}]}""", TWO_SCENARIOS);

        assertThat(reading.valid()).isFalse();
        assertThat(reading.problems()).containsExactly(
                "declaredAt: 'yesterday' is not an ISO-8601 instant such as 2025-03-01T08:00:00Z",
                "scenarios[0].status: 'LIVE' is not a status; use PLANNED, PILOT, DEPLOYED",
                "scenarios[0].aiEnabled: expected true or false, not \"yes\"",
                "scenarios[1].since: 'June' is not a date such as 2024-06-01",
                "enterpriseId: missing",
                "submissionId: missing",
                "catalogueVersion: missing",
                "scenarios[1].scenarioId: missing",
                "scenarios[2].scenarioId: 'S-01' is already declared at scenarios[0]",
                "scenarios[3].scenarioId: 'S-99' is not a scenario of catalogue scenarios-test");
    }

    @Test
    void anotherCatalogueVersionAndNoScenarioAreRefused() {
        DeclarationReading reading = read("""
                {"enterpriseId": "E1", "submissionId": "D1", "catalogueVersion": "scenarios-2019",
                 "scenarios": []}""", TWO_SCENARIOS);

        assertThat(reading.problems()).containsExactly(
                "catalogueVersion: 'scenarios-2019' is not the catalogue in force (scenarios-test); declare the"
                        + " scenarios of scenarios-test",
                "scenarios: missing; declare at least one scenario");
    }

    @Test
    void theRulesRefuseAStatusThisReaderDoesNotKnow() {
        // A newer writer's symbol reads as UNKNOWN (the enum's default): the pipeline must not count it.
        ScenarioDeclaration declaration = new ScenarioDeclaration("evt", NOW, "E1", "D1", "c",
                java.util.List.of(new DeclaredScenario("S-01", ScenarioStatus.UNKNOWN, false, null, null)));

        assertThat(ScenarioDeclarationRules.problems(declaration, KnownScenarios.unchecked()))
                .containsExactly("scenarios[0].status: UNKNOWN; use PLANNED, PILOT or DEPLOYED");
    }

    private static DeclarationReading read(String json, KnownScenarios known) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return ScenarioDeclarationJson.read(node, NOW, "test", known);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
