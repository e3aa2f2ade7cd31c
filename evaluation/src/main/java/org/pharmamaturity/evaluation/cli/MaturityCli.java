package org.pharmamaturity.evaluation.cli;

import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.kpi.KpiSnapshotException;
import org.pharmamaturity.evaluation.kpi.KpiSnapshotReader;
import org.pharmamaturity.evaluation.model.ManufacturingType;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelException;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.model.ModelWriter;
import org.pharmamaturity.evaluation.scoring.Assessment;
import org.pharmamaturity.evaluation.scoring.AssessmentException;
import org.pharmamaturity.evaluation.scoring.AssessmentReader;
import org.pharmamaturity.evaluation.scoring.EnterpriseProfile;
import org.pharmamaturity.evaluation.scoring.MaturityResult;
import org.pharmamaturity.evaluation.scoring.MaturityScorer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The command-line scorer: {@code score} prints the maturity JSON of an assessment, {@code model} validates and
 * prints a model. Bad input gives one error line on stderr and a non-zero exit: 2 for a bad command line,
 * 1 for an unusable model, assessment, KPI file or unreadable file.
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
        } catch (ModelException | AssessmentException | KpiSnapshotException | CliInputException e) {
            err.println(oneLine(e.getMessage()));
            return BAD_INPUT;
        }
    }

    private static String score(CliArguments arguments) {
        String modelOption = arguments.option("--model");
        ModelRegistry models = modelOption == null ? ModelRegistry.builtIn() : ModelRegistry.of(ModelLoader.resolve(modelOption));
        String assessmentPath = arguments.option("--assessment");
        Assessment assessment = AssessmentReader.read(readFile("assessment", assessmentPath), assessmentPath, models);
        String kpiPath = arguments.option("--kpis");
        KpiSnapshot kpis = kpiPath == null ? null : KpiSnapshotReader.read(readFile("KPI", kpiPath), kpiPath);
        MaturityModel model = models.find(assessment.modelVersion()).orElseThrow();
        MaturityResult result = new MaturityScorer(model).score(assessment, kpis,
                new EnterpriseProfile(arguments.option("--sector"), manufacturingType(arguments.option("--manufacturing-type"))));
        return Json.pretty(result);
    }

    private static String model(CliArguments arguments) {
        String modelOption = arguments.option("--model");
        return ModelWriter.toJson(ModelLoader.resolve(modelOption == null ? ModelLoader.REFERENCE_MODEL : modelOption));
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
