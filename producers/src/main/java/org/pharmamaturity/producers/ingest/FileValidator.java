package org.pharmamaturity.producers.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.pharmamaturity.evaluation.model.ModelRegistry;

/**
 * Checks every row of a file of a given kind before anything is sent, choosing the reader by file extension:
 * {@code .csv}, {@code .jsonl}/{@code .ndjson} (JSON lines), and {@code .json} (one self-assessment or scenario
 * declaration document).
 */
public final class FileValidator {

    private final ModelRegistry models;
    private final ColumnMapping mapping;
    private final Instant ingestTime;

    /**
     * A validator checking assessments against {@code models} and the form of scenario declarations (their
     * catalogue is checked by the pipeline), renaming columns by {@code mapping}.
     */
    public FileValidator(ModelRegistry models, ColumnMapping mapping, Instant ingestTime) {
        this.models = models;
        this.mapping = mapping;
        this.ingestTime = ingestTime;
    }

    /** The records and problems of {@code file}. */
    public Validation validate(Path file, IngestKind kind) {
        Format format = Format.of(file);
        if (kind == IngestKind.assessments) {
            return switch (format) {
                case JSON -> AssessmentJson.validate(file, models);
                case CSV -> AssessmentCsv.validate(CsvRows.read(file, mapping), models, ingestTime);
                case JSON_LINES -> throw new IngestException(file + ": self-assessments are a .json document or a .csv "
                        + "questionnaire, not JSON lines.");
            };
        }
        if (kind == IngestKind.scenarios) {
            return switch (format) {
                case JSON -> ScenarioDeclarationFiles.json(file, ingestTime);
                case CSV -> ScenarioDeclarationFiles.csv(CsvRows.read(file, mapping), ingestTime);
                case JSON_LINES -> throw new IngestException(file + ": scenario declarations are a .json document or a"
                        + " .csv with one row per scenario, not JSON lines.");
            };
        }
        List<SourceRow> rows = format == Format.CSV ? CsvRows.read(file, mapping) : JsonLinesRows.read(file, mapping);
        return validateRows(rows, parser(kind, ingestTime), ingestTime);
    }

    /**
     * Checks one row that did not come from a file (a gateway's mapped message) with the same rules as a file's
     * rows: {@code origin} names where it came from in the problems, {@code receivedAt} is the clock that future
     * event times are judged by.
     */
    public static Validation validateRow(IngestKind kind, String origin, Map<String, String> fields, Instant receivedAt) {
        if (kind == IngestKind.assessments) {
            throw new IllegalArgumentException("assessments are grouped, not parsed row by row");
        }
        SourceRow row = new SourceRow(Path.of(origin), 0, fields, fields.toString(), null);
        return validateRows(List.of(row), parser(kind, receivedAt), receivedAt);
    }

    private static Function<RowFields, ParsedRecord<?>> parser(IngestKind kind, Instant ingestTime) {
        return switch (kind) {
            case telemetry -> RowParsers::telemetry;
            case states -> RowParsers::state;
            case counts -> RowParsers::count;
            case batches -> EventRowParsers::batch;
            case quality -> EventRowParsers::quality;
            case energy -> EventRowParsers::energy;
            case coldchain -> EventRowParsers::coldChain;
            case shipments -> EventRowParsers::shipment;
            case enterprises -> row -> RowParsers.enterprise(row, ingestTime);
            case equipment -> row -> RowParsers.equipment(row, ingestTime);
            case titles -> row -> RowParsers.title(row, ingestTime);
            case assessments, scenarios -> throw new IllegalArgumentException(kind + " are grouped, not parsed row by row");
        };
    }

    private static Validation validateRows(List<SourceRow> rows, Function<RowFields, ParsedRecord<?>> parser,
            Instant ingestTime) {
        List<ParsedRecord<?>> records = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        List<SourceRow> rejected = new ArrayList<>();
        for (SourceRow row : rows) {
            if (row.malformed() != null) {
                problems.add(new RowProblem(row.file(), row.line(), "row", row.malformed()));
                rejected.add(row);
                continue;
            }
            RowFields fields = new RowFields(row, ingestTime);
            ParsedRecord<?> record = parser.apply(fields);
            if (record == null) {
                problems.addAll(fields.problems());
                rejected.add(row);
            } else {
                records.add(record);
            }
        }
        return new Validation(records, problems, rejected);
    }

    /** The file formats, told apart by extension. */
    enum Format {
        CSV, JSON_LINES, JSON;

        static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                return JSON_LINES;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            throw new IngestException(file + ": unknown format; name it .csv, .jsonl (JSON lines) or .json "
                    + "(one self-assessment).");
        }
    }
}
