package org.pharmamaturity.evaluation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.evaluation.model.ModelBuilder.aModel;
import static org.pharmamaturity.evaluation.model.RuleBuilder.aRule;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.json.Json;

/** A model written by {@link ModelWriter} reads back equal, in the DESIGN.md section 5 shape. */
class ModelRoundTripTest {

    @Test
    void theReferenceModelReloadsEqual() {
        MaturityModel reference = ModelLoader.reference();
        assertThat(ModelReader.read(ModelWriter.toJson(reference), "written")).isEqualTo(reference);
    }

    @Test
    void aModelWithRuleBAndUnequalWeightsReloadsEqual() {
        MaturityModel model = aModel().rule(CumulationRule.B)
                .element("x", 0.7).domain("x.d", 1.0).subDomain("x1", 0.4).subDomain("x2", 0.6)
                .element("y", 0.3).domain("y.d", 1.0).subDomain("y1", 1.0)
                .requirement("X1", "x1", 2, Applicability.PROCESS).requirement("Y1", "y1", 5)
                .evidenceRule(aRule("C", "oee").when(Comparison.GREATER, 0.4).on("x1", "y1").levels(2, 3).confirm().build())
                .evidenceRule(aRule("K", "mkt").when(Comparison.LESS_OR_EQUAL, 25).on("y1").cap(Grade.NONE).build())
                .build();
        assertThat(ModelReader.read(ModelWriter.toJson(model), "written")).isEqualTo(model);
    }

    @Test
    void theWrittenJsonHasTheContractFieldNames() throws Exception {
        JsonNode json = Json.mapper().readTree(ModelWriter.toJson(ModelLoader.reference()));
        assertThat(json.get("modelVersion").asText()).isEqualTo("cmmm-2020-reference");
        assertThat(json.at("/parameters/grades/LARGELY").asDouble()).isEqualTo(0.8);
        assertThat(json.at("/parameters/cumulationRule").asText()).isEqualTo("A");
        assertThat(json.at("/structure/0/weightSource").asText()).isEqualTo("placeholder");
        assertThat(json.at("/structure/0/domains/0/subDomains/0/subDomain").asText()).isEqualTo("people.strategy");
        assertThat(json.at("/requirements/0/source").asText()).isEqualTo("reference-summary");
        assertThat(json.at("/evidenceRules/0/comparator").asText()).isEqualTo("<");
        assertThat(json.at("/evidenceRules/0/capGrade").asText()).isEqualTo("PARTLY");
        // a CONFIRM rule has no capGrade at all
        assertThat(json.at("/evidenceRules/2/effect").asText()).isEqualTo("CONFIRM");
        assertThat(json.at("/evidenceRules/2").has("capGrade")).isFalse();
    }
}
