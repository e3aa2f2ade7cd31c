package org.pharmamaturity.evaluation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.evaluation.json.Json;

/** Bad model files are rejected with precise messages, all problems at once. */
class ModelValidationTest {

    private static List<String> problemsOf(Consumer<ObjectNode> mutation) {
        ObjectNode root = referenceTree();
        mutation.accept(root);
        ModelException e = catchThrowableOfType(ModelException.class, () -> ModelReader.read(root.toString(), "m.json"));
        assertThat(e).as("the mutated model should be rejected").isNotNull();
        assertThat(e.source()).isEqualTo("m.json");
        return e.problems();
    }

    private static ObjectNode referenceTree() {
        try (InputStream in = ModelValidationTest.class.getResourceAsStream("/models/cmmm-2020-reference.json")) {
            return (ObjectNode) Json.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode requirement(ObjectNode root, int index) {
        return (ObjectNode) root.withArray("requirements").get(index);
    }

    private static ObjectNode rule(ObjectNode root, int index) {
        return (ObjectNode) root.withArray("evidenceRules").get(index);
    }

    @Test
    void aRequirementOfAnUnknownSubDomain() {
        assertThat(problemsOf(root -> requirement(root, 0).put("subDomain", "people.astrology")))
                .containsExactly("requirement STR-L1-01: subDomain 'people.astrology' is not in the structure");
    }

    @Test
    void weightsThatDoNotSumToOneWithinATier() {
        // elements 0.3 + 0.25 + 0.25 + 0.25 = 1.05
        assertThat(problemsOf(root -> ((ObjectNode) root.withArray("structure").get(0)).put("weight", 0.3)))
                .containsExactly("structure: the weights of the elements sum to 1.05 instead of 1");
        // production sub-domains: 0.2 + 6 x 1/7
        assertThat(problemsOf(root -> ((ObjectNode) root.withArray("structure").get(3).withArray("domains").get(1)
                .withArray("subDomains").get(0)).put("weight", 0.2)))
                .singleElement().asString()
                .startsWith("structure: the weights of the sub-domains of domain 'manufacturing.production' sum to 1.057");
    }

    @Test
    void weightSumsWithinTheToleranceAreAccepted() {
        // 1e-10 off is rounding of a decimal file (accepted); 1e-8 off is a wrong weight (rejected)
        ObjectNode within = referenceTree();
        ((ObjectNode) within.withArray("structure").get(0)).put("weight", 0.25 + 1e-10);
        assertThat(ModelReader.read(within.toString(), "m.json").structure().get(0).weight()).isEqualTo(0.25 + 1e-10);
        assertThat(problemsOf(root -> ((ObjectNode) root.withArray("structure").get(0)).put("weight", 0.25 + 1e-8)))
                .singleElement().asString().startsWith("structure: the weights of the elements sum to 1.00000001");
    }

    @Test
    void duplicateIds() {
        assertThat(problemsOf(root -> {
            requirement(root, 1).put("requirementId", "STR-L1-01");
            rule(root, 1).put("ruleId", "EQP-NET-CAP");
        })).containsExactly("requirements: duplicate requirementId 'STR-L1-01'", "evidenceRules: duplicate ruleId 'EQP-NET-CAP'");
    }

    @Test
    void aRuleNamingAnUnknownIndicator() {
        assertThat(problemsOf(root -> rule(root, 0).put("indicator", "happiness")))
                .singleElement().asString()
                .startsWith("evidence rule EQP-NET-CAP: indicator 'happiness' is unknown; known indicators: availability, coldChainExcursions,");
    }

    @Test
    void levelsOutsideOneToFive() {
        assertThat(problemsOf(root -> {
            requirement(root, 0).put("level", 6);
            rule(root, 0).put("minLevel", 0);
        })).containsExactly("requirement STR-L1-01: level 6 is outside 1-5", "evidence rule EQP-NET-CAP: minLevel 0 is outside 1-5");
    }

    @Test
    void badComparatorEffectAndGrade() {
        assertThat(problemsOf(root -> {
            rule(root, 0).put("comparator", "=>");
            rule(root, 1).put("effect", "RAISE");
            rule(root, 3).put("capGrade", "HALF");
        })).containsExactly(
                "evidenceRules[0].comparator: \"=>\" is not one of <, <=, >, >=",
                "evidenceRules[1].effect: \"RAISE\" is not one of CONFIRM, CAP",
                "evidenceRules[3].capGrade: \"HALF\" is not one of FULL, LARGELY, PARTLY, NONE, NOT_APPLICABLE");
    }

    @Test
    void aCapWithoutCapGradeAndAConfirmWithOne() {
        assertThat(problemsOf(root -> {
            rule(root, 0).remove("capGrade");
            rule(root, 2).put("capGrade", "PARTLY");
        })).containsExactly(
                "evidence rule EQP-NET-CAP: a CAP rule needs capGrade FULL, LARGELY, PARTLY or NONE",
                "evidence rule EQP-NET-CONFIRM: a CONFIRM rule must not have a capGrade");
    }

    @Test
    void missingAndMistypedFields() {
        assertThat(problemsOf(root -> {
            requirement(root, 2).remove("statement");
            requirement(root, 3).put("level", "two");
            ((ObjectNode) root.get("parameters")).remove("passMark");
            root.remove("modelVersion");
        })).containsExactly(
                "modelVersion: missing",
                "parameters.passMark: missing",
                "requirements[2].statement: missing",
                "requirements[3].level: expected an integer, got \"two\"");
    }

    @Test
    void badParameters() {
        assertThat(problemsOf(root -> {
            ObjectNode parameters = (ObjectNode) root.get("parameters");
            ((ObjectNode) parameters.get("grades")).put("PARTLY", 0.9);
            ((ArrayNode) parameters.get("levelThresholds")).remove(4);
            parameters.put("cumulationRule", "C");
        })).containsExactly("parameters.cumulationRule: \"C\" is not one of A, B");
        assertThat(problemsOf(root -> {
            ObjectNode parameters = (ObjectNode) root.get("parameters");
            ((ObjectNode) parameters.get("grades")).put("PARTLY", 0.9);
            ((ArrayNode) parameters.get("levelThresholds")).remove(4);
        })).containsExactly(
                "parameters.grades.PARTLY: 0.9 is above the grade before it; grades must not increase from FULL to NONE",
                "parameters.levelThresholds: expected 5 values (lowest score of levels 1 to 5), got 4");
    }

    @Test
    void notJsonAndUnreadableFiles(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ModelReader.read("{\"modelVersion\": ", "m.json"))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model m.json is not usable (1 problem): not valid JSON: ");
        assertThatThrownBy(() -> ModelLoader.load(dir.resolve("absent.json")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("cannot read the file (NoSuchFileException");
        Path file = dir.resolve("official.json");
        Files.writeString(file, referenceTree().put("modelVersion", "cmmm-2020-official").toString());
        assertThat(ModelLoader.resolve(file.toString()).modelVersion()).isEqualTo("cmmm-2020-official");
        assertThatThrownBy(() -> ModelLoader.resolve("cmmm-1999"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("neither a model file nor a built-in model; built-in models: cmmm-2020-reference");
    }

    @Test
    void twoModelsOfOneVersionCannotBeRegisteredTogether() {
        MaturityModel reference = ModelLoader.reference();
        assertThatThrownBy(() -> ModelRegistry.of(reference, reference))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("two models share this modelVersion");
    }
}
