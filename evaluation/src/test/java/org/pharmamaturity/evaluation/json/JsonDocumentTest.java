package org.pharmamaturity.evaluation.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.EvidenceRule;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelReader;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.model.ModelWriter;
import org.pharmamaturity.evaluation.tier.TierConditions;
import org.pharmamaturity.evaluation.tier.TierConditionsReader;

/** The schema check's wording, order, nulls and defaults, on the model schema. */
class JsonDocumentTest {

    private static final JsonDocument<MaturityModel> MODEL = JsonDocument.of("model", ModelReader.SCHEMA,
            MaturityModel.class);

    @Test
    void theBuiltInModelsMatchTheirSchema() {
        assertThat(ModelRegistry.builtIn().versions()).hasSize(3);
        for (MaturityModel model : ModelRegistry.builtIn().models()) {
            assertThat(MODEL.problems(tree(ModelWriter.toJson(model)))).as(model.modelVersion()).isEmpty();
        }
    }

    @Test
    void aNullMemberCountsAsMissing() {
        JsonNode model = reference();
        ((ObjectNode) model).putNull("modelVersion");
        assertThat(MODEL.problems(model)).containsExactly("modelVersion: missing");
    }

    @Test
    void aBadItemOfAListOfTextsIsReportedAsTheList() {
        JsonNode model = reference();
        ((ObjectNode) model.get("evidenceRules").get(0))
                .set("subDomains", tree("[\"resources.network\", \" \", 7]"));
        // Two bad items (" " and 7) make one problem about the list, as the field-by-field reader reported it.
        assertThat(MODEL.problems(model)).containsExactly(
                "evidenceRules[0].subDomains: expected an array of non-blank strings, got [\"resources.network\",\" \",7]");
    }

    @Test
    void problemsFollowTheSchemaOrderNotTheValidatorOrder() {
        JsonNode model = reference();
        ObjectNode rule = (ObjectNode) model.get("evidenceRules").get(1);
        rule.put("effect", "RAISE");
        rule.remove("ruleId");
        ((ObjectNode) model).put("title", 7);
        // title (member 2 of the model) before evidenceRules (member 10); ruleId (member 1 of a rule) before effect (9).
        assertThat(MODEL.problems(model)).containsExactly(
                "title: expected a string, got 7",
                "evidenceRules[1].ruleId: missing",
                "evidenceRules[1].effect: \"RAISE\" is not one of CONFIRM, CAP");
    }

    @Test
    void aRuleWithoutMaxLevelTakesTheSchemaDefaultOfFive() {
        JsonNode model = reference();
        ((ObjectNode) model.get("evidenceRules").get(0)).remove("maxLevel");
        EvidenceRule rule = MODEL.bind(model).evidenceRules().get(0);
        assertThat(rule.maxLevel()).isEqualTo(5);
    }

    @Test
    void theOneLoaderReadsTheBuiltInReferenceData() {
        TierConditions tiers = TierConditionsReader.builtIn();
        // basic, advanced, excellent, leading: CMMM level gates 2/2/3/4 (DESIGN.md 4 "Tiers").
        assertThat(tiers.tiers()).extracting(condition -> condition.minLevel()).containsExactly(2, 2, 3, 4);
    }

    private static JsonNode reference() {
        return tree(ResourceText.read("/models/cmmm-2020-reference.json").orElseThrow());
    }

    private static JsonNode tree(String json) {
        return Json.tree(json, IllegalArgumentException::new);
    }
}
