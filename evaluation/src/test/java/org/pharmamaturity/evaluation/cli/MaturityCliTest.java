package org.pharmamaturity.evaluation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pharmamaturity.evaluation.json.Json;

/** The command-line scorer, run through {@link MaturityCli#run} (no System.exit). */
class MaturityCliTest {

    private static final String EXAMPLE_ASSESSMENT = "examples/assessment-example.json";
    private static final String EXAMPLE_KPIS = "examples/kpis-example.json";

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return Json.mapper().readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MaturityCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** Exactly one line on stderr, nothing on stdout, the given exit code. */
    private static void assertOneErrorLine(Run run, int exitCode, String... fragments) {
        assertThat(run.exitCode()).isEqualTo(exitCode);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains(fragments);
    }

    @Test
    void scoresTheReadmeExample() throws IOException {
        Run run = run("score", "--assessment", EXAMPLE_ASSESSMENT, "--kpis", EXAMPLE_KPIS,
                "--sector", "C272", "--manufacturing-type", "PROCESS");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = run.json();
        // Declared: every level-k requirement graded alike (L1, L2 FULL; L3 LARGELY; L4 PARTLY; L5 NONE):
        // L = 1, 1, 0.8, 0.5, 0 -> m = 4, S = 1 + 1 + 0.8 + 0.5 = 3.3 -> level 3
        assertThat(json.at("/declared/score").asDouble()).isCloseTo(3.3, within(1e-12));
        assertThat(json.at("/declared/level").asInt()).isEqualTo(3);
        // Verified: networkingRate 0.42 < 0.5 caps equipment and network (W = 0.25 x 0.5 = 0.125 each) at L2+ to PARTLY;
        // coldChainLoggingCompliance 0.86 < 0.9 caps logistics (W = 0.25 x 0.2 = 0.05) and warehousing
        // (W = 0.25 x 0.2 / 7 = 0.00714286) at L2+. Capped weight 0.30714286, the weights of a level sum to 1:
        // L2 = 1 - 0.30714286 x (1 - 0.5) = 0.84642857; L3 = 0.8 - 0.30714286 x (0.8 - 0.5) = 0.70785714 (unmet)
        // S = 1 + 0.84642857 + 0.70785714 = 2.55428571 -> level 2
        assertThat(json.at("/verified/levelScores/1").asDouble()).isCloseTo(1 - 0.5 * (0.125 + 0.125 + 0.05 + 0.05 / 7), within(1e-12));
        assertThat(json.at("/verified/score").asDouble()).isCloseTo(2.5542857142857, within(1e-12));
        assertThat(json.at("/verified/level").asInt()).isEqualTo(2);
        // Contradictions: the L2 (FULL) and L3 (LARGELY) requirements of the four capped sub-domains, 8 in all
        assertThat(json.get("contradictions")).hasSize(8);
        assertThat(json.at("/contradictions/0/requirementId").asText()).isEqualTo("EQP-L2-01");
        assertThat(json.at("/contradictions/0/ruleId").asText()).isEqualTo("EQP-NET-CAP");
        assertThat(json.at("/contradictions/0/value").asDouble()).isEqualTo(0.42);
        assertThat(json.at("/contradictions/0/threshold").asDouble()).isEqualTo(0.5);
        // PROCESS: 96 requirements apply, PSV-L5-01 is NOT_APPLICABLE -> 95 scored. Capped: EQP L2-L4 (3), NET L2-L3 (2),
        // LOG L2-L5 (4), WHS L2-L4 (3) = 12; confirmed: OPS L2 (2) + L3 (2) and MNT L2, L3 (2) = 6 -> 18 / 95
        assertThat(json.get("evidenceCoverage").asDouble()).isCloseTo(18.0 / 95, within(1e-12));
        // unverified: OPS L4 (2) + L5 (1), MNT L4 (1), ENE L2-L4 (3, coverage 0.5 < 0.8) = 7; 6 / (6 + 12 + 7) = 0.24
        assertThat(json.get("confirmationRatio").asDouble()).isCloseTo(0.24, within(1e-12));
        // verified level 2 meets basic's CMMM gate; without scenarios or sector benchmarks the tier is not eligible
        assertThat(json.at("/tiers/basic").asBoolean()).isFalse();
        assertThat(json.at("/tierReadiness/0/tier").asText()).isEqualTo("basic");
        assertThat(json.at("/tierReadiness/0/unmet/0").asText()).isEqualTo("link 生产作业 not covered by a deployed scenario");
        assertThat(json.get("sector").asText()).isEqualTo("C272");
        assertThat(json.get("asOf").asText()).isEqualTo("2025-07-01T00:00:00Z");
        assertThat(json.at("/kpis/networkingRate").asDouble()).isEqualTo(0.42);
    }

    @Test
    void printsTheModel() throws IOException {
        Run run = run("model");
        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("modelVersion").asText()).isEqualTo("cmmm-2020-reference");
        assertThat(run.json().get("requirements")).hasSize(98);
    }

    @Test
    void scoresWithAUserModelFile() throws IOException {
        Path model = file("m.json", Files.readString(Path.of("src/main/resources/models/cmmm-2020-reference.json"))
                .replace("\"cmmm-2020-reference\"", "\"cmmm-2020-official\""));
        Path assessment = file("a.json", """
                {"submissionId": "s1", "enterpriseId": "e1", "modelVersion": "cmmm-2020-official",
                 "submittedAt": "2025-06-30T08:00:00Z", "answers": [{"requirementId": "STR-L1-01", "grade": "FULL"}]}
                """);
        Run run = run("score", "--assessment", assessment.toString(), "--model", model.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("modelVersion").asText()).isEqualTo("cmmm-2020-official");
        // 1 of the 18 level-1 requirements FULL, the rest unanswered (NONE): L1 < 0.8 -> level 0
        assertThat(run.json().at("/declared/level").asInt()).isZero();
    }

    @Test
    void noCommand() {
        assertOneErrorLine(run(), 2, "no command given", "usage: maturity-score score --assessment");
    }

    @Test
    void unknownCommandAndOption() {
        assertOneErrorLine(run("grade"), 2, "Unmatched argument", "'grade'", "usage: maturity-score score --assessment");
        assertOneErrorLine(run("score", "--assessment", "a.json", "--verbose", "yes"), 2, "Unknown options: '--verbose', 'yes'");
        assertOneErrorLine(run("model", "--model"), 2, "Missing required parameter for option '--model'");
        assertOneErrorLine(run("score", "--kpis", "k.json"), 2, "Missing required option: '--assessment=<file>'");
        assertOneErrorLine(run("score", "--assessment", EXAMPLE_ASSESSMENT, "--manufacturing-type", "ORGANIC"), 2,
                "'--manufacturing-type'", "expected one of [PROCESS, DISCRETE, MIXED]", "'ORGANIC'");
    }

    @Test
    void missingAssessmentFile() {
        assertOneErrorLine(run("score", "--assessment", dir.resolve("absent.json").toString()), 1,
                "cannot read the assessment file", "NoSuchFileException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-requirement", "grade-outside-scale", "missing-enterprise", "unknown-model-version", "not-json"})
    void badAssessments(String kind) throws IOException {
        String valid = """
                {"submissionId": "s1", "enterpriseId": "e1", "modelVersion": "cmmm-2020-reference",
                 "submittedAt": "2025-06-30T08:00:00Z", "answers": [{"requirementId": "STR-L1-01", "grade": "FULL"}]}
                """;
        record Case(String json, String fragment) {
        }
        Case c = switch (kind) {
            case "unknown-requirement" -> new Case(valid.replace("STR-L1-01", "STR-L9-99"),
                    "answers[0].requirementId: 'STR-L9-99' is not a requirement of model cmmm-2020-reference");
            case "grade-outside-scale" -> new Case(valid.replace("\"FULL\"", "\"EXCELLENT\""),
                    "answers[0].grade: \"EXCELLENT\" is not one of FULL, LARGELY, PARTLY, NONE, NOT_APPLICABLE");
            case "missing-enterprise" -> new Case(valid.replace("\"enterpriseId\": \"e1\",", ""), "enterpriseId: missing");
            case "unknown-model-version" -> new Case(valid.replace("cmmm-2020-reference", "cmmm-2031"),
                    "modelVersion: 'cmmm-2031' does not exist; models in force: cmmm-2020-reference");
            case "not-json" -> new Case("{\"submissionId\": \n\"s1\",,}", "not valid JSON");
            default -> throw new IllegalArgumentException(kind);
        };
        Path assessment = file(kind + ".json", c.json());
        assertOneErrorLine(run("score", "--assessment", assessment.toString()), 1, c.fragment());
    }

    @Test
    void badModelFile() throws IOException {
        Path model = file("bad-model.json", Files.readString(Path.of("src/main/resources/models/cmmm-2020-reference.json"))
                .replace("\"indicator\" : \"networkingRate\"", "\"indicator\" : \"happiness\"")
                .replace("\"indicator\": \"networkingRate\"", "\"indicator\": \"happiness\""));
        assertOneErrorLine(run("model", "--model", model.toString()), 1,
                "evidence rule EQP-NET-CAP: indicator 'happiness' is unknown");
        assertOneErrorLine(run("score", "--assessment", EXAMPLE_ASSESSMENT, "--model", model.toString()), 1,
                "indicator 'happiness' is unknown");
        assertOneErrorLine(run("model", "--model", "cmmm-1999"), 1, "neither a model file nor a built-in model");
    }

    @Test
    void badKpiFile() throws IOException {
        Path kpis = file("k.json", """
                {"enterpriseId": "ENT-SH-0001", "asOf": "2025-07-01T00:00:00Z", "values": {"oee": {"value": 0.6, "coverage": 7}}}
                """);
        assertOneErrorLine(run("score", "--assessment", EXAMPLE_ASSESSMENT, "--kpis", kpis.toString()), 1,
                "values.oee: coverage 7.0 is outside [0, 1]");
        Path other = file("other.json", """
                {"enterpriseId": "ENT-SH-0002", "asOf": "2025-07-01T00:00:00Z", "values": {}}
                """);
        assertOneErrorLine(run("score", "--assessment", EXAMPLE_ASSESSMENT, "--kpis", other.toString()), 1,
                "'ENT-SH-0002'", "'ENT-SH-0001'");
    }

    private static final String PLANT = "examples/process-plant/";

    @Test
    void listsTheBuiltInModels() {
        Run run = run("model", "--list");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "modelVersion\tmanufacturingType\tweightSource",
                "cmmm-2020-reference\t-\tplaceholder",
                "cmmm-process-v1\tPROCESS\tpublic-summary",
                "cmmm-discrete-v1\tDISCRETE\tpublic-summary");
        assertOneErrorLine(run("model", "--list", "--model", "cmmm-process-v1"), 2, "are mutually exclusive");
    }

    /** The worked example of evaluation/README.md, "A worked example under the process model". */
    @Test
    void scoresTheProcessPlantExample() throws IOException {
        Run run = run("score", "--assessment", PLANT + "assessment.json", "--kpis", PLANT + "kpis.json",
                "--scenarios", PLANT + "scenarios.json", "--benchmarks", PLANT + "sector-benchmarks.json",
                "--sector", "C27", "--manufacturing-type", "PROCESS");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("modelVersion").asText()).isEqualTo("cmmm-process-v1");
        // Declared L1-L3 FULL, L4 PARTLY, L5 NONE: L = 1, 1, 1, 0.5, 0 -> m = 4, S = 3.5 -> level 3
        assertThat(json.at("/declared/score").asDouble()).isEqualTo(3.5);
        // keyProcessDigitalControlRate 0.55 < 0.6 caps resources.equipment (W = 0.24 / 5 = 0.048) at L2-L5 to PARTLY;
        // no other cap applies. L2 = L3 = 1 - 0.048 x 0.5 = 0.976; L4 = 0.5 (equipment declared PARTLY already)
        // S = 1 + 0.976 + 0.976 + 0.5 = 3.452 -> level 3
        assertThat(json.at("/verified/levelScores/1").asDouble()).isCloseTo(0.976, within(1e-15));
        assertThat(json.at("/verified/levelScores/2").asDouble()).isCloseTo(0.976, within(1e-15));
        assertThat(json.at("/verified/score").asDouble()).isCloseTo(3.452, within(1e-15));
        assertThat(json.at("/verified/level").asInt()).isEqualTo(3);
        assertThat(json.get("contradictions")).extracting(c -> c.get("requirementId").asText() + " " + c.get("ruleId").asText())
                .containsExactly("EQP-L2-01 EQP-KEY-DIGITAL-CAP", "EQP-L3-01 EQP-KEY-DIGITAL-CAP");

        // Scenarios: equipment monitoring (networkingRate 0.92 >= 0.8, key 0.96 >= 0.9), traceability (EBR 0.85 >= 0.8),
        // energy (metering 0.97 >= 0.9), supply-chain logistics (GSP 0.995 >= 0.95), digital infrastructure (0.92 >= 0.8)
        // VERIFIED; quality analysis (RFT 0.88 < 0.9) and APC (digital control 0.55 < 0.9) CONTRADICTED; scheduling has no
        // indicator: UNVERIFIED; digital process design is a pilot: NOT_DEPLOYED
        assertThat(json.get("scenarios")).extracting(s -> s.get("evidenceStatus").asText()).containsExactly(
                "VERIFIED", "VERIFIED", "CONTRADICTED", "CONTRADICTED", "VERIFIED", "UNVERIFIED", "VERIFIED", "VERIFIED",
                "NOT_DEPLOYED");
        assertThat(json.at("/scenarios/2/indicator").asText()).isEqualTo("rightFirstTime");
        assertThat(json.at("/scenarios/2/value").asDouble()).isEqualTo(0.88);
        assertThat(json.at("/scenarios/2/threshold").asDouble()).isEqualTo(0.9);
        // deployed 8, verified 5, counted (not contradicted) 6, of which with AI: energy and scheduling = 2 -> 2 / 6
        assertThat(json.at("/scenarioCoverage/deployed").asInt()).isEqualTo(8);
        assertThat(json.at("/scenarioCoverage/verified").asInt()).isEqualTo(5);
        assertThat(json.at("/scenarioCoverage/counted").asInt()).isEqualTo(6);
        assertThat(json.at("/scenarioCoverage/aiEnabled").asInt()).isEqualTo(2);
        assertThat(json.at("/scenarioCoverage/aiShare").asDouble()).isEqualTo(2.0 / 6);
        assertThat(json.at("/scenarioCoverage/coveredTierLinks")).extracting(JsonNode::asText).containsExactly(
                "factory-construction", "production-operations", "production-management", "operations-management");

        // Sector C27 (five plants): OEE 0.40 0.48 0.52 0.60 0.70 -> quartiles 0.48 / 0.52 / 0.60; right-first-time
        // 0.78 0.84 0.86 0.92 0.95 -> 0.84 / 0.86 / 0.92; energy per unit 1.5 1.6 2.1 2.4 2.8 -> 1.6 / 2.1 / 2.4.
        // The plant: OEE 0.55 > 0.52, RFT 0.88 > 0.86, energy 1.9 < 2.1: above the median on all three, top quartile on none
        String[] topQuartile = {"oee 0.55 not in the sector's top quartile (>= 0.6)",
                "rightFirstTime 0.88 not in the sector's top quartile (>= 0.92)",
                "energyPerUnit 1.9 not in the sector's top quartile (<= 1.6)"};
        assertThat(json.get("tiers").toString())
                .isEqualTo("{\"basic\":true,\"advanced\":false,\"excellent\":false,\"leading\":false}");
        assertThat(unmet(json, 0)).isEmpty();
        assertThat(unmet(json, 1)).containsExactly(topQuartile);
        // excellent: level 3 >= 3 and AI share 33.3 % >= 20 % met; 研发设计 only has a pilot
        assertThat(unmet(json, 2)).containsExactly("link 研发设计 not covered by a deployed scenario", topQuartile[0],
                topQuartile[1], topQuartile[2], "national leadership not judged from regional data");
        assertThat(unmet(json, 3)).containsExactly("verified level 3 < 4", "link 研发设计 not covered by a deployed scenario",
                "AI share 33.3 % < 60 %", topQuartile[0], topQuartile[1], topQuartile[2],
                "global leadership not judged from regional data");
    }

    private static List<String> unmet(JsonNode json, int tier) {
        List<String> unmet = new ArrayList<>();
        json.at("/tierReadiness/" + tier + "/unmet").forEach(text -> unmet.add(text.asText()));
        return unmet;
    }

    @Test
    void modelScoresTheAnswersWithAnyModel() {
        // the README example names cmmm-2020-reference; under the process weights its capped sub-domains weigh
        // equipment 0.048 + network 0.048 + logistics 0.046 + warehousing 0.07 = 0.212:
        // L2 = 1 - 0.212 x 0.5 = 0.894; L3 = 0.8 - 0.212 x 0.3 = 0.7364 (unmet) -> S = 1 + 0.894 + 0.7364 = 2.6304 -> level 2
        Run run = run("score", "--assessment", EXAMPLE_ASSESSMENT, "--kpis", EXAMPLE_KPIS, "--model", "cmmm-process-v1",
                "--manufacturing-type", "PROCESS");
        assertThat(run.exitCode()).isZero();
        JsonNode json = readJson(run);
        assertThat(json.get("modelVersion").asText()).isEqualTo("cmmm-process-v1");
        assertThat(json.at("/verified/levelScores/1").asDouble()).isCloseTo(0.894, within(1e-15));
        assertThat(json.at("/verified/score").asDouble()).isCloseTo(2.6304, within(1e-15));
        assertThat(json.at("/verified/level").asInt()).isEqualTo(2);
    }

    private static JsonNode readJson(Run run) {
        try {
            return run.json();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badScenarioAndBenchmarkFiles() throws IOException {
        Path declaration = file("d.json", """
                {"enterpriseId": "ENT-SH-0001", "catalogueVersion": "scenarios-2025",
                 "scenarios": [{"scenarioId": "production-operations.telepathy", "status": "DEPLOYED"}]}
                """);
        assertOneErrorLine(run("score", "--assessment", EXAMPLE_ASSESSMENT, "--scenarios", declaration.toString()), 1,
                "scenario declaration of 'ENT-SH-0001' is not valid",
                "'production-operations.telepathy' is not a scenario of scenarios-2025");
        Path otherEnterprise = file("o.json", """
                {"enterpriseId": "ENT-SH-0002", "catalogueVersion": "scenarios-2025", "scenarios": []}
                """);
        assertOneErrorLine(run("score", "--assessment", EXAMPLE_ASSESSMENT, "--scenarios", otherEnterprise.toString()), 1,
                "it cannot declare scenarios for enterprise 'ENT-SH-0001'");
        Path benchmarks = file("b.json", """
                {"sector": "C27", "values": {"oee": [], "happiness": [1], "rightFirstTime": "high"}}
                """);
        assertOneErrorLine(run("score", "--assessment", EXAMPLE_ASSESSMENT, "--benchmarks", benchmarks.toString()), 1,
                "sector benchmarks " + benchmarks + " is not usable (3 problems)",
                "values: oee: no value; give one number per enterprise of the sector",
                "values: happiness: unknown indicator",
                "values.rightFirstTime: expected an array of numbers, got \"high\"");
    }
}
