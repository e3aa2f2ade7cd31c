package org.pharmamaturity.producers.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.DeclaredScenario;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.ScenarioStatus;
import org.pharmamaturity.schemas.declaration.ScenarioDeclarationRules;

/** Declarations follow the declared level: few planned or pilot scenarios low, many deployed ones with AI high. */
class ScenarioDeclarationGeneratorTest {

    private static final long DECLARED_AT = 1_772_352_000_000L; // 2026-03-01T08:00Z
    private final ScenarioDeclarationGenerator generator = ScenarioDeclarationGenerator.of2025Catalogue();

    @Test
    void aLevelOnePlantDeclaresTwoShopFloorScenariosNoneDeployedNoneWithAi() {
        ScenarioDeclaration declaration = declare(MaturityProfile.honest(1), 1);

        // level 1: 2 scenarios, deployed probability 0, AI probability 0
        assertThat(declaration.getScenarios()).extracting(DeclaredScenario::getScenarioId)
                .containsExactly("production-operations.flexible-line-changeover",
                        "production-operations.dynamic-process-optimisation");
        assertThat(declaration.getScenarios()).extracting(DeclaredScenario::getStatus)
                .allMatch(status -> status == ScenarioStatus.PILOT || status == ScenarioStatus.PLANNED);
        assertThat(declaration.getScenarios()).noneMatch(DeclaredScenario::getAiEnabled);
        assertThat(declaration.getCatalogueVersion()).isEqualTo("scenarios-2025");
        assertThat(declaration.getSubmissionId()).isEqualTo("SD-SIM-E001-2026-03-01");
        // valid by the rules every reader applies
        assertThat(ScenarioDeclarationRules.problems(declaration)).isEmpty();
    }

    @Test
    void overManyLevelFivePlantsMostDeclaredScenariosAreDeployedAndUseAi() {
        int scenarios = 0;
        int deployed = 0;
        int withAi = 0;
        for (int i = 1; i <= 50; i++) {
            ScenarioDeclaration declaration = declare(MaturityProfile.honest(5), i);
            // level 5: 20 scenarios each
            assertThat(declaration.getScenarios()).hasSize(20);
            for (DeclaredScenario scenario : declaration.getScenarios()) {
                scenarios++;
                deployed += scenario.getStatus() == ScenarioStatus.DEPLOYED ? 1 : 0;
                withAi += scenario.getAiEnabled() ? 1 : 0;
                if (scenario.getStatus() != ScenarioStatus.PLANNED) {
                    // 365 to 365 + 729 days before 2026-03-01: 2025-03-01 back to 2023-03-03 (2024 has 29 February)
                    assertThat(scenario.getSince()).isBetween(LocalDate.of(2023, 3, 3), LocalDate.of(2025, 3, 1));
                }
            }
        }
        // 1000 scenarios: expected 0.9 deployed and (0.9 + 0.05 pilot) x 0.7 = 0.665 with AI; 4 standard
        // deviations (about 0.04 and 0.06) either side
        assertThat(deployed / (double) scenarios).isBetween(0.86, 0.94);
        assertThat(withAi / (double) scenarios).isBetween(0.60, 0.73);
    }

    @Test
    void aPlantDeclaresAtItsDeclaredLevelNotItsTrueOne() {
        // an over-declarer: true level 1, declares level 4 -> 14 scenarios
        assertThat(declare(new MaturityProfile(1, 4), 1).getScenarios()).hasSize(14);
        assertThat(List.of(1, 2, 3, 4, 5)).extracting(level -> declare(MaturityProfile.honest(level), 1)
                .getScenarios().size()).containsExactly(2, 4, 8, 14, 20);
    }

    private ScenarioDeclaration declare(MaturityProfile profile, int seed) {
        SimulatedEnterprise enterprise = new PopulationGenerator(seed).enterprise(1, Sector.C272, profile, 1);
        return generator.declaration(enterprise, new Random(seed), "event-" + seed, DECLARED_AT);
    }
}
