package org.pharmamaturity.schemas.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.DeclaredScenario;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.ScenarioStatus;

/** The JSON form of a scenario declaration and the rules every reader of it applies. */
class ScenarioDeclarationJsonTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aGoodDeclarationReadsFieldByField() {
        DeclarationReading reading = read("""
                {"enterpriseId": "E1", "submissionId": "D1", "catalogueVersion": "scenarios-test",
                 "declaredAt": "2025-02-01T00:00:00Z",
                 "scenarios": [{"scenarioId": "S-01", "status": "DEPLOYED", "aiEnabled": true,
                                "since": "2024-06-01", "evidence": "MES module live"},
                               {"scenarioId": "S-02", "status": "PLANNED"}]}""");

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
                 "scenarios": [{"scenarioId": "S-01", "status": "PILOT"}]}""");

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
                               {"scenarioId": "S-99", "status": "DEPLOYED"}]}""");

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
                "scenarios[2].scenarioId: 'S-01' is already declared at scenarios[0]");
        // 'S-99' is left to the catalogue check of the pipeline and the API (evaluation's ScenarioDeclarationValidator)
    }

    @Test
    void noScenarioIsRefused() {
        DeclarationReading reading = read("""
                {"enterpriseId": "E1", "submissionId": "D1", "catalogueVersion": "scenarios-2019",
                 "scenarios": []}""");

        // the catalogue version is checked where the catalogue is known (the pipeline and the API)
        assertThat(reading.problems()).containsExactly("scenarios: missing; declare at least one scenario");
    }

    @Test
    void theRulesRefuseAStatusThisReaderDoesNotKnow() {
        // A newer writer's symbol reads as UNKNOWN (the enum's default): the pipeline must not count it.
        ScenarioDeclaration declaration = new ScenarioDeclaration("evt", NOW, "E1", "D1", "c",
                List.of(new DeclaredScenario("S-01", ScenarioStatus.UNKNOWN, false, null, null)));

        assertThat(ScenarioDeclarationRules.problems(declaration))
                .containsExactly("scenarios[0].status: UNKNOWN; use PLANNED, PILOT or DEPLOYED");
    }

    private static DeclarationReading read(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return ScenarioDeclarationJson.read(node, NOW, "test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
