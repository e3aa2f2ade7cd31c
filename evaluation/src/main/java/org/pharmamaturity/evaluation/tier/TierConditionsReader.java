package org.pharmamaturity.evaluation.tier;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.evaluation.json.DataFileException;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.JsonFields;
import org.pharmamaturity.evaluation.json.ResourceText;

/** Reads a tier-conditions file into validated {@link TierConditions}, reporting every problem at once. */
public final class TierConditionsReader {

    /** The built-in 2025 conditions. */
    public static final String BUILT_IN = "smart-factory-tiers-2025";

    private static final String WHAT = "tier conditions";

    private TierConditionsReader() {
    }

    /** The built-in conditions {@value #BUILT_IN}. */
    public static TierConditions builtIn() {
        String resource = "/tiers/" + BUILT_IN + ".json";
        return read(ResourceText.require(resource, WHAT), resource);
    }

    /** Reads and validates {@code json}; {@code source} names the file in messages. */
    public static TierConditions read(String json, String source) {
        JsonNode root = Json.tree(json, problem -> new DataFileException(WHAT, source, List.of(problem)));
        JsonFields fields = JsonFields.root(root, "tier conditions");
        String version = fields.text("version");
        String dataSource = fields.text("source");
        Double minCoverage = fields.number("keyIndicatorMinCoverage");
        List<TierCondition> tiers = fields.objects("tiers").stream().map(TierConditionsReader::readTier).toList();
        if (!fields.problems().isEmpty()) {
            throw new DataFileException(WHAT, source, fields.problems());
        }
        try {
            return new TierConditions(version, dataSource, minCoverage, tiers);
        } catch (DataFileException e) {
            throw e.from(source);
        }
    }

    private static TierCondition readTier(JsonFields fields) {
        SmartFactoryTier tier = fields.choice("tier", SmartFactoryTier.values(), SmartFactoryTier::id);
        Integer minLevel = fields.integer("minLevel");
        List<String> links = fields.texts("tierLinks");
        Double minAiShare = fields.optionalNumber("minAiShare");
        KeyIndicatorGate gate = fields.choice("keyIndicators", KeyIndicatorGate.values(), Enum::name);
        return new TierCondition(tier, minLevel == null ? 0 : minLevel, links == null ? List.of() : links, minAiShare,
                gate, fields.optionalText("leadership"));
    }
}
