package org.pharmamaturity.evaluation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pharmamaturity.evaluation.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        assertOneErrorLine(run("grade"), 2, "unknown command 'grade'");
        assertOneErrorLine(run("score", "--assessment", "a.json", "--verbose", "yes"), 2, "unknown option '--verbose' for score");
        assertOneErrorLine(run("model", "--model"), 2, "option --model needs a value");
        assertOneErrorLine(run("score", "--kpis", "k.json"), 2, "score needs --assessment <file>");
        assertOneErrorLine(run("score", "--assessment", EXAMPLE_ASSESSMENT, "--manufacturing-type", "ORGANIC"), 2,
                "--manufacturing-type 'ORGANIC' is not one of PROCESS, DISCRETE, MIXED");
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
}
