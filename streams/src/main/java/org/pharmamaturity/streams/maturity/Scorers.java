package org.pharmamaturity.streams.maturity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.model.Requirement;
import org.pharmamaturity.evaluation.scoring.MaturityScorer;
import org.pharmamaturity.schemas.avro.AssessmentAnswer;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;

/** One scorer per model in force, with the fingerprint of its model, by modelVersion. */
public final class Scorers {

    private final Map<String, MaturityScorer> scorers = new HashMap<>();
    private final Map<String, String> fingerprints = new HashMap<>();

    public Scorers(ModelRegistry models) {
        for (String version : models.versions()) {
            MaturityModel model = models.find(version).orElseThrow();
            scorers.put(version, new MaturityScorer(model));
            fingerprints.put(version, ModelsInForce.fingerprint(model));
        }
    }

    /** The scorer of the model with that version, if it is in force. */
    public Optional<MaturityScorer> scorer(String modelVersion) {
        return Optional.ofNullable(scorers.get(modelVersion));
    }

    /** True when the scorer's model has every requirement {@code submission} answers. */
    public static boolean hasEveryAnswer(MaturityScorer scorer, SelfAssessmentSubmission submission) {
        Set<String> known = scorer.model().requirements().stream().map(Requirement::requirementId)
                .collect(Collectors.toSet());
        return submission.getAnswers().stream().map(AssessmentAnswer::getRequirementId).allMatch(known::contains);
    }

    /** The fingerprint of the model with that version, if it is in force. */
    public Optional<String> fingerprint(String modelVersion) {
        return Optional.ofNullable(fingerprints.get(modelVersion));
    }
}
