package org.pharmamaturity.evaluation.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
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
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command-line scorer: {@code score} prints the maturity JSON of an assessment (with its scenarios and tier
 * readiness), {@code model} validates and prints a model, {@code model --list} lists the built-in models. Parsed by
 * picocli, as the producers' CLI is. Bad input gives one error line on stderr and a non-zero exit: 2 for a bad
 * command line, 1 for an unusable model, assessment, KPI, declaration or benchmark file, or an unreadable file.
 */
@Command(name = "maturity-score", mixinStandardHelpOptions = true, version = "maturity-score 0.1.0",
        description = "Scores a self-assessment with the maturity model, or prints a model.",
        subcommands = {MaturityCli.Score.class, MaturityCli.Model.class})
public final class MaturityCli implements Callable<Integer> {

    static final int OK = 0;
    static final int BAD_INPUT = 1;
    static final int BAD_USAGE = 2;

    /** Shown after every command-line error, on the same line. */
    static final String USAGE = "usage: maturity-score score --assessment <file> [--kpis <file>] [--model <file or built-in name>]"
            + " [--sector <GB/T 4754 code>] [--manufacturing-type PROCESS|DISCRETE|MIXED] [--scenarios <declaration file>]"
            + " [--benchmarks <sector values file>]"
            + " | maturity-score model [--model <file or built-in name> | --list]";

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command and returns the exit code; all output goes to {@code out} and {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(new MaturityCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler((error, arguments) -> {
                    // Picocli starts some messages with "Error: "; the line already starts with "error: ".
                    err.println(oneLine(error.getMessage().replaceFirst("^Error: ", "") + "; " + USAGE));
                    return BAD_USAGE;
                })
                .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                    if (error instanceof ModelException || error instanceof AssessmentException
                            || error instanceof KpiSnapshotException || error instanceof ScenarioDeclarationException
                            || error instanceof DataFileException || error instanceof CliInputException) {
                        err.println(oneLine(error.getMessage()));
                        return BAD_INPUT;
                    }
                    throw error;
                })
                .execute(args);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }

    /** {@code score}: the maturity JSON of one assessment. */
    @Command(name = "score", description = "Prints the maturity JSON of an assessment.")
    static final class Score implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--assessment", paramLabel = "<file>", required = true, description = "The self-assessment (JSON).")
        Path assessment;

        @Option(names = "--kpis", paramLabel = "<file>", description = "The KPI snapshot that verifies the answers (JSON).")
        Path kpis;

        @Option(names = "--model", paramLabel = "<file or built-in name>",
                description = "Scores the answers with this model instead of the assessment's own.")
        String model;

        @Option(names = "--sector", paramLabel = "<GB/T 4754 code>", description = "The enterprise's sector.")
        String sector;

        @Option(names = "--manufacturing-type", paramLabel = "PROCESS|DISCRETE|MIXED", defaultValue = "MIXED",
                description = "The enterprise's manufacturing type (default: ${DEFAULT-VALUE}).")
        ManufacturingType manufacturingType;

        @Option(names = "--scenarios", paramLabel = "<declaration file>", description = "The scenario declaration (JSON).")
        Path scenarios;

        @Option(names = "--benchmarks", paramLabel = "<sector values file>", description = "The sector benchmarks (JSON).")
        Path benchmarks;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(score(this));
            return OK;
        }
    }

    /** {@code model}: validates and prints a model, or lists the built-in ones. */
    @Command(name = "model", description = "Validates and prints a model, or lists the built-in models.")
    static final class Model implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        /** Null when neither option is given. */
        @ArgGroup
        Choice choice;

        /** Either one model or the list. */
        static final class Choice {

            @Option(names = "--model", paramLabel = "<file or built-in name>",
                    description = "The model to print (default: the reference model).")
            String model;

            @Option(names = "--list", description = "Lists the built-in models.")
            boolean list;
        }

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(model(choice == null ? new Choice() : choice));
            return OK;
        }
    }

    private static String score(Score arguments) {
        MaturityModel chosen = arguments.model == null ? null : ModelLoader.resolve(arguments.model);
        ModelRegistry models = chosen == null ? ModelRegistry.builtIn() : ModelRegistry.of(chosen);
        String assessmentJson = readFile("assessment", arguments.assessment);
        if (chosen != null) {
            assessmentJson = withModelVersion(assessmentJson, chosen.modelVersion());
        }
        Assessment assessment = AssessmentReader.read(assessmentJson, arguments.assessment.toString(), models);
        KpiSnapshot kpis = arguments.kpis == null ? null
                : KpiSnapshotReader.read(readFile("KPI", arguments.kpis), arguments.kpis.toString());
        ScenarioDeclaration declaration = arguments.scenarios == null ? null : ScenarioDeclarationReader.read(
                readFile("scenario declaration", arguments.scenarios), arguments.scenarios.toString(),
                ScenarioCatalogueReader.builtIn());
        SectorBenchmarks benchmarks = arguments.benchmarks == null ? null : SectorBenchmarksReader.read(
                readFile("sector benchmarks", arguments.benchmarks), arguments.benchmarks.toString());
        MaturityModel model = models.find(assessment.modelVersion()).orElseThrow();
        MaturityResult result = new MaturityScorer(model).score(assessment, kpis,
                new EnterpriseProfile(arguments.sector, arguments.manufacturingType), declaration, benchmarks);
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

    private static String model(Model.Choice choice) {
        if (choice.list) {
            return ModelRegistry.builtIn().models().stream()
                    .map(m -> m.modelVersion() + "\t" + (m.manufacturingType() == null ? "-" : m.manufacturingType())
                            + "\t" + weightSources(m))
                    .collect(Collectors.joining("\n", "modelVersion\tmanufacturingType\tweightSource\n", ""));
        }
        return ModelWriter.toJson(ModelLoader.resolve(choice.model == null ? ModelLoader.REFERENCE_MODEL : choice.model));
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

    private static String readFile(String what, Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliInputException("cannot read the " + what + " file " + path + " (" + e.getClass().getSimpleName()
                    + "); check the path", e);
        }
    }

    private static String oneLine(String message) {
        return "error: " + message.replaceAll("\\R+", " ");
    }
}
