package org.pharmamaturity.producers.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.pharmamaturity.schemas.avro.DeclaredScenario;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.ScenarioStatus;

/**
 * Declares typical scenarios as an enterprise of a given profile would (see {@link MaturityProfile}): the first
 * {@code declaredScenarios()} of the catalogue's ids (shop floor first), each DEPLOYED, PILOT or PLANNED and with
 * or without AI by the profile's probabilities, deployed since one to three years before the declaration.
 */
public final class ScenarioDeclarationGenerator {

    private final String catalogueVersion;
    private final List<String> scenarioIds;

    /** A generator declaring the scenarios of {@code catalogueVersion}, whose ids are {@code scenarioIds}. */
    public ScenarioDeclarationGenerator(String catalogueVersion, List<String> scenarioIds) {
        this.catalogueVersion = catalogueVersion;
        this.scenarioIds = List.copyOf(scenarioIds);
    }

    /** A generator of the 2025 catalogue. */
    public static ScenarioDeclarationGenerator of2025Catalogue() {
        return new ScenarioDeclarationGenerator(TypicalScenarios.CATALOGUE_VERSION, TypicalScenarios.IDS);
    }

    /** The enterprise's declaration, stamped with {@code eventId} and {@code declaredAtMs}. */
    public ScenarioDeclaration declaration(SimulatedEnterprise enterprise, Random random, String eventId,
            long declaredAtMs) {
        MaturityProfile profile = enterprise.profile();
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(declaredAtMs), ZoneOffset.UTC);
        List<DeclaredScenario> scenarios = new ArrayList<>();
        for (String scenarioId : scenarioIds.subList(0, Math.min(profile.declaredScenarios(), scenarioIds.size()))) {
            ScenarioStatus status = random.nextDouble() < profile.deployedProbability() ? ScenarioStatus.DEPLOYED
                    : random.nextBoolean() ? ScenarioStatus.PILOT : ScenarioStatus.PLANNED;
            boolean ai = status != ScenarioStatus.PLANNED && random.nextDouble() < profile.aiProbability();
            LocalDate since = status == ScenarioStatus.PLANNED ? null : today.minusDays(365 + random.nextInt(730));
            scenarios.add(new DeclaredScenario(scenarioId, status, ai, since, "simulated declaration"));
        }
        Instant declaredAt = Instant.ofEpochMilli(declaredAtMs);
        return new ScenarioDeclaration(eventId, declaredAt, enterprise.enterpriseId(),
                "SD-" + enterprise.enterpriseId() + "-" + declaredAt.toString().substring(0, 10), catalogueVersion,
                scenarios);
    }
}
