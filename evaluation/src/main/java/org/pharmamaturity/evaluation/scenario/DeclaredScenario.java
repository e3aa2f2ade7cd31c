package org.pharmamaturity.evaluation.scenario;

import java.time.LocalDate;

/**
 * One scenario of an enterprise's declaration: its status, whether it uses AI, since when (null: not said) and the
 * enterprise's own evidence text (may be null).
 */
public record DeclaredScenario(String scenarioId, ScenarioStatus status, boolean aiEnabled, LocalDate since,
                               String evidence) {
}
