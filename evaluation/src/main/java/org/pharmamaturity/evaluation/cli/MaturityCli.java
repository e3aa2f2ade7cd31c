package org.pharmamaturity.evaluation.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pharmamaturity.evaluation.json.DataFileException;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.kpi.KpiSnapshotException;
import org.pharmamaturity.evaluation.kpi.KpiSnapshotReader;
import org.pharmamaturity.evaluation.model.EvaluationDomain;
import org.pharmamaturity.evaluation.model.ManufacturingType;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelException;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.model.ModelWriter;
import org.pharmamaturity.evaluation.model.StructureElement;
import org.pharmamaturity.evaluation.model.WeightSource;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogueReader;
import org.pharmamaturity.evaluation.scenario.ScenarioDeclaration;
import org.pharmamaturity.evaluation.scenario.ScenarioDeclarationException;
import org.pharmamaturity.evaluation.scenario.ScenarioDeclarationReader;
import org.pharmamaturity.evaluation.scoring.Assessment;
import org.pharmamaturity.evaluation.scoring.AssessmentException;
import org.pharmamaturity.evaluation.scoring.AssessmentReader;
import org.pharmamaturity.evaluation.scoring.EnterpriseProfile;
import org.pharmamaturity.evaluation.scoring.MaturityResult;
import org.pharmamaturity.evaluation.scoring.MaturityScorer;
import org.pharmamaturity.evaluation.tier.SectorBenchmarks;
import org.pharmamaturity.evaluation.tier.SectorBenchmarksReader;

/**
 * The command-line scorer: {@code score} prints the maturity JSON of an assessment (with its scenarios and tier
 * readiness), {@code model} validates and prints a model, {@code model --list} lists the built-in models. Bad input
 * gives one error line on stderr and a non-zero exit: 2 for a bad command line, 1 for an unusable model, assessment,
 * KPI, declaration or benchmark file, or an unreadable file.
 */
public final class MaturityCli {

    static final int OK = 0;
    static final int BAD_INPUT = 1;
    static final int BAD_USAGE = 2;

    private MaturityCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command and returns the exit code; all output goes to {@code out} and {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CliArguments arguments = CliArguments.parse(args);
            out.println(arguments.command().equals("score") ? score(arguments) : model(arguments));
            return OK;
        } catch (CliUsageException e) {
            err.println(oneLine(e.getMessage()));
            return BAD_USAGE;
        } catch (ModelException | AssessmentException | KpiSnapshotException | ScenarioDeclarationException
                 | DataFileException | CliInputException e) {
            err.println(oneLine(e.getMessage()));
            return BAD_INPUT;
        }
    }

    private static String score(CliArguments arguments) {
        String modelOption = arguments.option("--model");
        MaturityModel chosen = modelOption == null ? null : ModelLoader.resolve(modelOption);
        ModelRegistry models = chosen == null ? ModelRegistry.builtIn() : ModelRegistry.of(chosen);
        String assessmentPath = arguments.option("--assessment");
        String assessmentJson = readFile("assessment", assessmentPath);
        if (chosen != null) {
            assessmentJson = withModelVersion(assessmentJson, chosen.modelVersion());
        }
        Assessment assessment = AssessmentReader.read(assessmentJson, assessmentPath, models);
        String kpiPath = arguments.option("--kpis");
        KpiSnapshot kpis = kpiPath == null ? null : KpiSnapshotReader.read(readFile("KPI", kpiPath), kpiPath);
        String scenarioPath = arguments.option("--scenarios");
        ScenarioDeclaration declaration = scenarioPath == null ? null : ScenarioDeclarationReader.read(
                readFile("scenario declaration", scenarioPath), scenarioPath, ScenarioCatalogueReader.builtIn());
        String benchmarkPath = arguments.option("--benchmarks");
        SectorBenchmarks benchmarks = benchmarkPath == null ? null
                : SectorBenchmarksReader.read(readFile("sector benchmarks", benchmarkPath), benchmarkPath);
        MaturityModel model = models.find(assessment.modelVersion()).orElseThrow();
        MaturityResult result = new MaturityScorer(model).score(assessment, kpis,
                new EnterpriseProfile(arguments.option("--sector"), manufacturingType(arguments.option("--manufacturing-type"))),
                declaration, benchmarks);
        return Json.pretty(result);
    }

    /**
     * The assessment with {@code modelVersion} in place of its own, so that {@code --model} scores the answers with
     * any model whose requirement ids they use. Text that is not a JSON object is left as it is for the reader to
     * report.
     */
    private static String withModelVersion(String json, String modelVersion) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            if (node instanceof ObjectNode object) {
                object.put("modelVersion", modelVersion);
                return object.toString();
            }
        } catch (JsonProcessingException e) {
            // AssessmentReader reports the malformed JSON with the file's name.
        }
        return json;
    }

    private static String model(CliArguments arguments) {
        if (arguments.flag("--list")) {
            return ModelRegistry.builtIn().models().stream()
                    .map(m -> m.modelVersion() + "\t" + (m.manufacturingType() == null ? "-" : m.manufacturingType())
                            + "\t" + weightSources(m))
                    .collect(Collectors.joining("\n", "modelVersion\tmanufacturingType\tweightSource\n", ""));
        }
        String modelOption = arguments.option("--model");
        return ModelWriter.toJson(ModelLoader.resolve(modelOption == null ? ModelLoader.REFERENCE_MODEL : modelOption));
    }

    /** The weight sources a model uses, e.g. "placeholder" or "public-summary". */
    private static String weightSources(MaturityModel model) {
        Stream<WeightSource> structure = model.structure().stream().flatMap(MaturityCli::weightSources);
        Stream<WeightSource> grouping = model.evaluationDomains().stream().map(EvaluationDomain::weightSource);
        Set<String> sources = Stream.concat(structure, grouping).map(WeightSource::json)
                .collect(Collectors.toCollection(TreeSet::new));
        return String.join(",", sources);
    }

    private static Stream<WeightSource> weightSources(StructureElement element) {
        return Stream.concat(Stream.of(element.weightSource()), element.domains().stream().flatMap(domain ->
                Stream.concat(Stream.of(domain.weightSource()), domain.subDomains().stream().map(s -> s.weightSource()))));
    }

    private static ManufacturingType manufacturingType(String option) {
        if (option == null) {
            return ManufacturingType.MIXED;
        }
        try {
            return ManufacturingType.valueOf(option.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliUsageException("--manufacturing-type '" + option + "' is not one of "
                    + Arrays.stream(ManufacturingType.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String readFile(String what, String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliInputException("cannot read the " + what + " file " + path + " (" + e.getClass().getSimpleName()
                    + "); check the path", e);
        }
    }

    private static String oneLine(String message) {
        return "error: " + message.replaceAll("\\R+", " ");
    }
}
