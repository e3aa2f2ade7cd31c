package org.pharmamaturity.evaluation.scoring;

import java.time.Instant;
import java.util.List;

/**
 * A self-assessment (DESIGN.md section 5 "assessment"). Requirements without an answer count as NONE.
 * Checked by {@link AssessmentValidator} before it is scored.
 */
public record Assessment(String submissionId, String enterpriseId, String modelVersion, Instant submittedAt,
                         List<Answer> answers) {

    public Assessment {
        answers = answers == null ? null : List.copyOf(answers);
    }
}
