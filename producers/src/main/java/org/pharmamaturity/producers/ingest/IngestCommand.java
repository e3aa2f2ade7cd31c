package org.pharmamaturity.producers.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.producers.ConnectionOptions;
import org.pharmamaturity.producers.InputTopics;
import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.producers.ProgressLine;
import org.pharmamaturity.producers.RecordPublisher;
import org.pharmamaturity.producers.TopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingest}: validates files a factory already has and publishes their records. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Validate every row of each file, then publish the records.",
                "A bad row is reported as file:line: field: reason. With --strict (default) a file with any bad row "
                        + "is refused and nothing of it is sent; with --no-strict its good rows are sent and the bad "
                        + "ones written to a reject file (data.csv -> data.rejects.csv, reasons in "
                        + "data.rejects.csv.reasons.txt).",
                "Kinds and fields: assessments (.json document, or .csv: enterpriseId,submissionId,modelVersion,"
                        + "submittedAt,requirementId,grade,evidence); telemetry (eventTime,enterpriseId,siteId,"
                        + "equipmentId,tag,value[,unit][,quality]); states (eventTime,enterpriseId,siteId,equipmentId,"
                        + "state[,reasonCode]); enterprises (enterpriseId,name,uscc,sector,manufacturingType"
                        + "[,district]); equipment (enterpriseId,siteId,equipmentId,equipmentClass,keyProcess,"
                        + "digitalControl,dataInterface[,lineId]); titles (enterpriseId,title,awardingBody,year[,scenarioId]"
                        + "[,expiresOn]); counts (eventTime,enterpriseId,siteId,equipmentId,"
                        + "goodCount,rejectCount,idealCycleTimeMs[,batchId]); batches (eventTime,enterpriseId,siteId,"
                        + "batchId,productCode,status[,electronicRecordShare][,reviewByException]); quality (eventTime,"
                        + "enterpriseId,siteId,qualityEventId,type,severity,openedAt[,closedAt][,batchId]); energy "
                        + "(eventTime,enterpriseId,siteId,meterId,carrier,quantity,unit[,equipmentId][,periodStart]); "
                        + "coldchain (eventTime,enterpriseId,loggerId,context,temperatureC,labelMinC,labelMaxC"
                        + "[,siteId][,shipmentId][,storageUnitId][,relativeHumidity]); shipments (eventTime,enterpriseId,"
                        + "siteId,shipmentId,status[,toPartyId][,carrierId][,vehicleQualified][,batches as B-1;B-2]); "
                        + "scenarios (.json declaration or array of them, or .csv: enterpriseId,submissionId,"
                        + "catalogueVersion,declaredAt,scenarioId,status,aiEnabled,since,evidence, one row per scenario). "
                        + "Rows are .csv with a header or .jsonl.",
                "Scenario ids are checked against the catalogue by the pipeline (a declaration naming an unknown id"
                        + " becomes a dead letter); the CLI checks everything else."})
public final class IngestCommand implements Callable<Integer> {

    /** Exit code when a file was refused in strict mode. */
    public static final int REFUSED = 1;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", description = "What the files hold: ${COMPLETION-CANDIDATES}.")
    IngestKind kind;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Files to ingest (.csv, .jsonl, .json).")
    List<Path> files;

    @Option(names = "--strict", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Refuse a whole file when any row is bad (default: ${DEFAULT-VALUE}); --no-strict sends the good rows.")
    boolean strict;

    @Option(names = "--reject-file", paramLabel = "FILE", description = "Where --no-strict writes bad rows (one input file only).")
    Path rejectFile;

    @Option(names = "--column", paramLabel = "FIELD=COLUMN",
            description = "Read FIELD from the file's COLUMN (or JSON member), e.g. --column value=reading.")
    Map<String, String> columns = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (rejectFile != null && files.size() > 1) {
            throw new IngestException("--reject-file names one file, but " + files.size()
                    + " inputs were given: ingest them one by one or let each get its default reject file.");
        }
        FileValidator validator = new FileValidator(ModelRegistry.builtIn(), ColumnMapping.of(columns), Instant.now());
        ProducerSettings settings = connection.settings();
        int exitCode = 0;
        boolean topicsReady = false;
        for (Path file : files) {
            Validation validation = validator.validate(file, kind);
            validation.problems().forEach(System.err::println);
            if (!validation.clean() && strict) {
                System.err.printf("%s: refused, %d problem(s) in %d row(s); nothing sent (fix them, or use --no-strict)%n",
                        file, validation.problems().size(), Math.max(1, validation.rejectedRows().size()));
                exitCode = REFUSED;
                continue;
            }
            if (!topicsReady) {
                TopicSetup.ensure(settings, InputTopics.ALL);
                topicsReady = true;
            }
            long failed = send(settings, validation);
            if (!validation.clean()) {
                Path target = rejectFile != null ? rejectFile : RejectFile.defaultFor(file);
                RejectFile.write(target, file, validation);
                System.err.printf("%s: %d bad row(s) written to %s%n", file, validation.rejectedRows().size(), target);
            }
            System.out.printf("%s: %d record(s) sent, %d failed, %d row(s) rejected%n", file,
                    validation.records().size() - failed, failed, validation.rejectedRows().size());
            if (failed > 0) {
                exitCode = REFUSED;
            }
        }
        return exitCode;
    }

    private static long send(ProducerSettings settings, Validation validation) {
        ProgressLine progress = ProgressLine.onStandardError();
        try (RecordPublisher publisher = new RecordPublisher(settings, Map.of())) {
            for (ParsedRecord<?> record : validation.records()) {
                record.sendWith(publisher);
                progress.update(publisher.sent(), publisher.failed(),
                        () -> publisher.sent() * 100 / validation.records().size() + "% of the file");
            }
            publisher.flush();
            progress.finish();
            if (publisher.firstError() != null) {
                System.err.println("first delivery error: " + publisher.firstError());
            }
            return publisher.failed();
        }
    }
}
