package org.pharmamaturity.evaluation.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.JsonFields;

/**
 * Reads a model file (DESIGN.md section 5 "model") into a validated {@link MaturityModel}. Unknown extra fields
 * are ignored (the contract welcomes them); a missing or malformed field, and every failed semantic check, is
 * reported in one {@link ModelException}.
 */
public final class ModelReader {

    private ModelReader() {
    }

    /** Reads and validates {@code json}; {@code source} names the file or resource in messages. */
    public static MaturityModel read(String json, String source) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelException(source, "not valid JSON: " + e.getOriginalMessage()
                    + locationOf(e), e);
        }
        JsonFields fields = JsonFields.root(root, "model");
        String modelVersion = fields.text("modelVersion");
        String title = fields.optionalText("title");
        String description = fields.optionalText("description");
        ManufacturingType manufacturingType = fields.optionalChoice("manufacturingType", ManufacturingType.values(), Enum::name);
        Parameters parameters = readParameters(fields.object("parameters"));
        List<StructureElement> structure = fields.objects("structure").stream().map(ModelReader::readElement).toList();
        List<JsonFields> groupingFields = fields.optionalObjects("evaluationDomains");
        List<EvaluationDomain> evaluationDomains = groupingFields == null ? List.of()
                : groupingFields.stream().map(ModelReader::readEvaluationDomain).toList();
        List<JsonFields> keyFields = fields.optionalObjects("keyIndicators");
        List<KeyIndicator> keyIndicators = keyFields == null ? List.of()
                : keyFields.stream().map(ModelReader::readKeyIndicator).toList();
        List<Requirement> requirements = fields.objects("requirements").stream().map(ModelReader::readRequirement).toList();
        List<EvidenceRule> rules = fields.objects("evidenceRules").stream().map(ModelReader::readRule).toList();
        if (!fields.problems().isEmpty()) {
            throw new ModelException(source, fields.problems());
        }
        try {
            return new MaturityModel(modelVersion, title, description, manufacturingType, parameters, structure,
                    evaluationDomains, keyIndicators, requirements, rules);
        } catch (ModelException e) {
            throw e.from(source);
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static Parameters readParameters(JsonFields fields) {
        if (fields == null) {
            return null;
        }
        Map<String, Double> gradeValues = fields.numberMembers("grades");
        Map<Grade, Double> grades = new EnumMap<>(Grade.class);
        gradeValues.forEach((name, value) -> {
            Grade grade = gradeNamed(name);
            if (grade == null) {
                fields.problem("grades." + name + ": not a grade; grades are FULL, LARGELY, PARTLY, NONE");
            } else {
                grades.put(grade, value);
            }
        });
        Double passMark = fields.number("passMark");
        CumulationRule rule = fields.choice("cumulationRule", CumulationRule.values(), Enum::name);
        List<Double> thresholds = fields.numbers("levelThresholds");
        List<JsonFields> levelFields = fields.optionalObjects("levels");
        List<LevelName> levels = levelFields == null ? null
                : levelFields.stream().map(ModelReader::readLevelName).toList();
        String source = fields.optionalText("source");
        if (passMark == null || rule == null || thresholds == null) {
            return null;
        }
        return new Parameters(grades, passMark, rule, thresholds, levels, source);
    }

    private static LevelName readLevelName(JsonFields fields) {
        Integer level = fields.integer("level");
        return new LevelName(level == null ? 0 : level, fields.optionalText("nameZh"), fields.optionalText("nameEn"),
                fields.optionalText("characteristic"));
    }

    private static Grade gradeNamed(String name) {
        for (Grade grade : Grade.values()) {
            if (grade.name().equals(name)) {
                return grade;
            }
        }
        return null;
    }

    private static StructureElement readElement(JsonFields fields) {
        String element = fields.text("element");
        Double weight = fields.number("weight");
        WeightSource source = fields.choice("weightSource", WeightSource.values(), WeightSource::json);
        List<StructureDomain> domains = fields.objects("domains").stream().map(ModelReader::readDomain).toList();
        return new StructureElement(element, fields.optionalText("nameZh"), fields.optionalText("nameEn"),
                orZero(weight), source, domains);
    }

    private static StructureDomain readDomain(JsonFields fields) {
        String domain = fields.text("domain");
        Double weight = fields.number("weight");
        WeightSource source = fields.choice("weightSource", WeightSource.values(), WeightSource::json);
        List<StructureSubDomain> subDomains = fields.objects("subDomains").stream().map(ModelReader::readSubDomain).toList();
        return new StructureDomain(domain, fields.optionalText("nameZh"), fields.optionalText("nameEn"),
                orZero(weight), source, subDomains);
    }

    private static StructureSubDomain readSubDomain(JsonFields fields) {
        String subDomain = fields.text("subDomain");
        Double weight = fields.number("weight");
        WeightSource source = fields.choice("weightSource", WeightSource.values(), WeightSource::json);
        return new StructureSubDomain(subDomain, fields.optionalText("nameZh"), fields.optionalText("nameEn"),
                orZero(weight), source);
    }

    private static EvaluationDomain readEvaluationDomain(JsonFields fields) {
        String id = fields.text("evaluationDomain");
        Double weight = fields.number("weight");
        WeightSource source = fields.choice("weightSource", WeightSource.values(), WeightSource::json);
        List<String> subDomains = fields.texts("subDomains");
        return new EvaluationDomain(id, fields.optionalText("nameZh"), fields.optionalText("nameEn"), orZero(weight),
                source, fields.optionalText("source"), subDomains == null ? List.of() : subDomains);
    }

    private static KeyIndicator readKeyIndicator(JsonFields fields) {
        return new KeyIndicator(fields.text("indicator"), fields.choice("better", BetterDirection.values(), Enum::name));
    }

    private static Requirement readRequirement(JsonFields fields) {
        String id = fields.text("requirementId");
        String subDomain = fields.text("subDomain");
        Integer level = fields.integer("level");
        String statement = fields.text("statement");
        Applicability applicability = fields.choice("applicability", Applicability.values(), Enum::name);
        String source = fields.optionalText("source");
        return new Requirement(id, subDomain, level == null ? 0 : level, statement, applicability, source);
    }

    private static EvidenceRule readRule(JsonFields fields) {
        String id = fields.text("ruleId");
        String indicator = fields.text("indicator");
        Comparison comparator = fields.choice("comparator", Comparison.values(), Comparison::symbol);
        Double threshold = fields.number("threshold");
        Double minCoverage = fields.number("minCoverage");
        List<String> subDomains = fields.texts("subDomains");
        Integer minLevel = fields.integer("minLevel");
        Integer maxLevel = fields.optionalInteger("maxLevel", 5);
        EvidenceEffect effect = fields.choice("effect", EvidenceEffect.values(), Enum::name);
        Grade capGrade = fields.optionalChoice("capGrade", Grade.values(), Enum::name);
        String rationale = fields.optionalText("rationale");
        return new EvidenceRule(id, indicator, comparator, orZero(threshold), orZero(minCoverage),
                subDomains == null ? List.of() : subDomains, minLevel == null ? 0 : minLevel,
                maxLevel == null ? 0 : maxLevel, effect, capGrade, rationale);
    }

    private static double orZero(Double value) {
        // Only used while problems are pending: the record built from it is discarded before validation.
        return value == null ? 0 : value;
    }
}
