package org.pharmamaturity.streams.scenario;

import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;

/** What the evidencing indicators say about one deployed scenario, with the reason for a person. */
public record ScenarioVerdict(ScenarioEvidenceStatus status, String reason) {
}
