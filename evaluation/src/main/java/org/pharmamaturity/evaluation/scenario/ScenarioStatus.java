package org.pharmamaturity.evaluation.scenario;

/** How far an enterprise says a scenario has come: planned, in pilot, or deployed in production. */
public enum ScenarioStatus {
    PLANNED,
    PILOT,
    DEPLOYED
}
