package org.pharmamaturity.benchmarks.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.pharmamaturity.benchmarks.CommandMain;
import org.pharmamaturity.producers.RecordPublisher;
import org.pharmamaturity.producers.simulate.SimEvent;
import org.pharmamaturity.schemas.TopicProvisioner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The end-to-end benchmark ({@code ./bench-pipeline}): a simulated population's reference data is loaded once,
 * then each run pushes the same fixed backlog and times the whole topology consuming it (see {@link TimedRun}),
 * beside a plain deserializing consumer of the same records, and measures latency with a paced stream. Prints a
 * line per run and, per processing guarantee, the median, minimum and maximum of every figure.
 */
@Command(name = "bench-pipeline", mixinStandardHelpOptions = true,
        description = "End-to-end throughput and latency of the streams pipeline against a plain consumer.")
public final class PipelineBenchmark implements Callable<Integer> {

    @Option(names = "--enterprises", defaultValue = "1000", description = "Simulated enterprises (default: ${DEFAULT-VALUE}).")
    int enterprises;

    @Option(names = "--sites", defaultValue = "8",
            description = "Sites per enterprise, 4 to 9 machines each, so 8 gives about 50 machines (default: ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--events", defaultValue = "300000", description = "Backlog events per run (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs per guarantee (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup-runs", defaultValue = "1", description = "Rounds run first and left out of the "
            + "summary, so the first measured variant does not pay the JIT's warm-up (default: ${DEFAULT-VALUE}).")
    int warmupRuns;

    @Option(names = "--guarantees", split = ",", defaultValue = "exactly_once_v2,at_least_once",
            description = "Processing guarantees to measure, in turn (default: ${DEFAULT-VALUE}).")
    List<String> guarantees;

    @Option(names = "--latency-readings", defaultValue = "2000",
            description = "Paced readings per run for the latency, 0 for none (default: ${DEFAULT-VALUE}).")
    int latencyReadings;

    @Option(names = "--latency-rate", defaultValue = "200", description = "Paced readings per second (default: ${DEFAULT-VALUE}).")
    int latencyRate;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the population and events (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bootstrap-servers", description = "Use this broker instead of starting one in-process (e.g. the local run's 127.0.0.1:9092).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", description = "Registry with --bootstrap-servers (default: http://127.0.0.1:8081/apis/ccompat/v7).",
            defaultValue = "http://127.0.0.1:8081/apis/ccompat/v7")
    String registryUrl;

    @Option(names = "--state-dir", defaultValue = "benchmarks/target/bench-state", description = "Where the runs keep state, "
            + "deleted after each, and the in-process broker its data (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--set",
            description = "A Kafka Streams or service setting for the pipeline, key=value, repeatable (e.g. --set num.stream.threads=2).")
    Map<String, String> extraSettings = new LinkedHashMap<>();

    @Option(names = "--variant", description = "A tuning variant run beside the plain settings, alternating run by run: "
            + "name:key=value,key=value (e.g. --variant commit1s:commit.interval.ms=1000); repeatable.")
    List<String> variantSpecs = new ArrayList<>();

    @Option(names = "--poison-every", split = ",", defaultValue = "0", description = "Send every N-th backlog record as "
            + "garbage (not Avro) to its topic instead, 0 for none; a list (e.g. 0,10) runs each in turn, side by side, "
            + "so 10 measures a 10 %% poison-pill flood beside a clean backlog (default: ${DEFAULT-VALUE}).")
    List<Integer> poisonEvery;

    @Override
    public Integer call() throws Exception {
        if (enterprises < 1 || sites < 1 || events < 1 || runs < 1 || warmupRuns < 0 || latencyReadings < 0 || latencyRate < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--enterprises, --sites, --events, --runs and --latency-rate must be at least 1");
        }
        List<Variant> variants = new ArrayList<>(List.of(Variant.PLAIN));
        variantSpecs.forEach(spec -> variants.add(Variant.parse(spec)));
        List<PoisonPills> poisons = poisonEvery.stream().map(PoisonPills::new).toList();
        try (BenchStack stack = bootstrapServers == null ? BenchStack.inProcess(stateDir.resolve("stack"))
                : BenchStack.given(bootstrapServers, registryUrl)) {
            return measure(stack, variants, poisons);
        }
    }

    private int measure(BenchStack stack, List<Variant> variants, List<PoisonPills> poisons)
            throws InterruptedException {
        System.out.println("stack: " + stack.description() + "; settings: " + extraSettings);
        List<String> created = TopicProvisioner.createMissing(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), Optional.empty());
        long generating = System.nanoTime();
        BenchWorkload workload = BenchWorkload.generate(enterprises, sites, events, seed);
        System.out.printf(Locale.ROOT, "workload: %,d enterprises, %,d machines, %,d backlog events (generated in %.1f s)%n",
                workload.enterprises(), workload.equipment(), workload.backlog().size(), (System.nanoTime() - generating) / 1e9);
        String stamp = Long.toString(Instant.now().getEpochSecond(), 36);
        List<TimedRun.Result> results = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            new GroupProgress(admin).awaitLeaders(created);
            loadReferenceData(stack, workload);
            TimedRun timed = new TimedRun(stack, new GroupProgress(admin), workload, stateDir.toAbsolutePath(),
                    extraSettings, new TimedRun.LatencySettings(latencyReadings, latencyRate));
            // Run by run, every guarantee, variant and poison in turn, so a change in the machine's load touches
            // them alike; the variants take turns at going first. Rounds up to 0 are the warm-up.
            for (int run = 1 - warmupRuns; run <= runs; run++) {
                for (String guarantee : guarantees) {
                    for (int turn = 0; turn < variants.size(); turn++) {
                        int v = Math.floorMod(run + turn, variants.size());
                        for (int p = 0; p < poisons.size(); p++) {
                            String applicationId = String.format(Locale.ROOT, "bench-%s-%s-%d-%d-%d",
                                    guarantee.replace('_', '-'), stamp, run + warmupRuns, v, p);
                            TimedRun.Result result = timed.run(guarantee, variants.get(v), poisons.get(p), run,
                                    applicationId);
                            System.out.println((run < 1 ? "warm-up, not counted: " : "") + BenchReport.line(result));
                            if (run >= 1) {
                                results.add(result);
                            }
                        }
                    }
                }
            }
        }
        System.out.println();
        System.out.print(BenchReport.summary(results));
        List<TimedRun.Result> mismatched = results.stream().filter(r -> !r.deadLettersMatchGarbage()).toList();
        mismatched.forEach(r -> System.out.printf(Locale.ROOT, "FAIL: %s run %d: %d dead letters for %d garbage records%n",
                r.label(), r.run(), r.deadLetters(), r.garbage()));
        return mismatched.isEmpty() ? 0 : 1;
    }

    private static void loadReferenceData(BenchStack stack, BenchWorkload workload) {
        List<SimEvent<?>> reference = new ArrayList<>(workload.reference());
        reference.addAll(LatencyProbe.referenceRecords());
        try (RecordPublisher publisher = new RecordPublisher(stack.producerSettings(), BenchTopics.PRODUCER_TUNING)) {
            reference.forEach(event -> event.sendWith(publisher));
            publisher.flush();
            if (publisher.failed() > 0) {
                throw new BenchmarkException(publisher.failed() + " reference records could not be sent: "
                        + publisher.firstError());
            }
        }
        System.out.printf(Locale.ROOT, "reference data: %,d records loaded%n", reference.size());
    }

    public static void main(String[] args) {
        CommandMain.run(new PipelineBenchmark(), "bench-pipeline", args);
    }
}
