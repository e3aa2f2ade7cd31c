package org.pharmamaturity.benchmarks.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.pharmamaturity.benchmarks.CommandMain;
import org.pharmamaturity.benchmarks.api.EnterpriseRequests;
import org.pharmamaturity.benchmarks.pipeline.BenchStack;
import org.pharmamaturity.benchmarks.pipeline.Directories;
import org.pharmamaturity.benchmarks.pipeline.GroupProgress;
import org.pharmamaturity.benchmarks.pipeline.Percentiles;
import org.pharmamaturity.benchmarks.pipeline.StreamsStartup;
import org.pharmamaturity.producers.simulate.PopulationGenerator;
import org.pharmamaturity.schemas.TopicProvisioner;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The soak ({@code ./bench-soak}): the local run's stack in this process (KRaft broker, Apicurio child process, the
 * streams service with its REST API), the producers' simulator at a steady rate and a fixed-rate API load beside
 * it, for a set duration. Prints a line per sampling interval, then a summary and a verdict (see
 * {@link SoakVerdict}); exits 1 on FAIL.
 */
@Command(name = "bench-soak", mixinStandardHelpOptions = true,
        description = "Soak: the simulator at a steady rate and the REST API under load against the service for a "
                + "duration; checks that heap, RocksDB memory, state and lag stay bounded and nothing fails.")
public final class SoakBenchmark implements Callable<Integer> {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    @Option(names = "--rate", defaultValue = "1000", description = "Simulator events per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--enterprises", defaultValue = "40", description = "Simulated enterprises (default: ${DEFAULT-VALUE}).")
    int enterprises;

    @Option(names = "--api-rate", defaultValue = "50", description = "API requests per second, GET /api/v1/enterprises/{id} "
            + "in turn, from when every enterprise has a result (default: ${DEFAULT-VALUE}).")
    int apiRate;

    @Option(names = "--duration", defaultValue = "PT30M", description = "How long the soak runs, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--sample-interval", defaultValue = "PT30S", description = "Time between two samples (default: ${DEFAULT-VALUE}).")
    Duration sampleInterval;

    @Option(names = "--warmup", defaultValue = "PT5M", description = "Samples before this are not judged for growth or lag "
            + "(JIT, memtables and caches filling); errors count from the start (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--max-lag-seconds", defaultValue = "30", description = "The consumer lag of the last third of the samples "
            + "must stay under this many seconds of input (default: ${DEFAULT-VALUE}).")
    int maxLagSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the population and events (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data-dir", defaultValue = "benchmarks/target/soak", description = "Where the broker's data, the service's "
            + "state (both deleted afterwards), the registry's log and the token hash go (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        if (rate < 1 || enterprises < 1 || apiRate < 1 || maxLagSeconds < 1 || duration.isNegative()
                || duration.isZero() || sampleInterval.isNegative() || sampleInterval.isZero()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rate, --enterprises, --api-rate, "
                    + "--max-lag-seconds, --duration and --sample-interval must be above 0");
        }
        Path data = dataDir.toAbsolutePath();
        try (BenchStack stack = BenchStack.inProcess(data.resolve("stack"));
                Admin admin = Admin.create(adminSettings(stack))) {
            List<String> created = TopicProvisioner.createMissing(adminSettings(stack), Optional.empty());
            GroupProgress progress = new GroupProgress(admin);
            progress.awaitLeaders(created);
            return soak(stack, progress, data);
        }
    }

    private static Map<String, Object> adminSettings(BenchStack stack) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    }

    private int soak(BenchStack stack, GroupProgress progress, Path data) throws Exception {
        String applicationId = "soak-" + Long.toString(Instant.now().getEpochSecond(), 36);
        Path stateDir = data.resolve(applicationId);
        RegulatorToken token = RegulatorToken.create(data);
        Map<String, String> settings = stack.serviceSettings(applicationId, stateDir);
        settings.put(ServiceSettings.API_TOKENS_FILE, token.hashFile().toString());
        CountingPipelineMeters meters = new CountingPipelineMeters();
        try (MaturityStreamsService service = MaturityStreamsService.start(ServiceSettings.of(settings), meters)) {
            StreamsStartup.awaitRunning(service.streams(), START_TIMEOUT);
            String apiUrl = "http://127.0.0.1:" + service.api().port();
            System.out.printf(Locale.ROOT, "soak: %s; service %s (%s), API %s; simulator %,d events/s over %d "
                            + "enterprises, API %d requests/s; %s, a sample every %s, warm-up %s%n",
                    stack.description(), applicationId,
                    service.settings().streamsProperties().getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG),
                    apiUrl, rate, enterprises, apiRate, duration, sampleInterval, warmup);
            List<String> ids = IntStream.rangeClosed(1, enterprises).mapToObj(PopulationGenerator::enterpriseId)
                    .toList();
            ApiWindow api = new ApiWindow();
            List<SoakSample> samples = new ArrayList<>();
            String simulatorSummary;
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            try (SimulatorLoad simulator = SimulatorLoad.start(stack.producerSettings(), enterprises, rate, seed);
                    SoakApiLoad apiLoad = SoakApiLoad.start(new EnterpriseRequests(apiUrl, token.token(), ids),
                            apiRate, start, end, api)) {
                Sampler sampler = new Sampler(start, simulator, service.streams(), meters, progress, applicationId,
                        stateDir, api);
                for (long due = start + sampleInterval.toNanos(); due <= end; due += sampleInterval.toNanos()) {
                    // Rounded up, so a sample is never taken a moment before its due time (and its warm-up).
                    Thread.sleep(Math.max(0, (due - System.nanoTime() + 999_999) / 1_000_000));
                    SoakSample sample = sampler.take();
                    samples.add(sample);
                    System.out.println(sample.line());
                }
                simulatorSummary = simulator.stop();
                Double apiStart = apiLoad.startedSeconds();
                System.out.println(apiStart == null ? "API load never began: not every enterprise had a result"
                        : String.format(Locale.ROOT, "API load began at %.0f s, when every enterprise had a result",
                                apiStart));
            }
            System.out.print(summary(simulatorSummary, api.total(), meters));
            SoakVerdict verdict = SoakVerdict.judge(samples, warmup.toNanos() / 1e9,
                    new SoakVerdict.LagLimits(rate, maxLagSeconds));
            System.out.print(verdict.render());
            return verdict.passed() ? 0 : 1;
        } finally {
            Directories.deleteQuietly(stateDir);
        }
    }

    private static String summary(String simulatorSummary, ApiWindow.Latencies answers, CountingPipelineMeters meters) {
        Percentiles latency = Percentiles.of(answers.latenciesMs());
        return simulatorSummary + String.format(Locale.ROOT, "API: %,d answers, p50 %.1f ms, p99 %.1f ms, non-200 %d%n",
                answers.latenciesMs().size(), latency.p50(), latency.p99(), answers.errors())
                + "dead letters by topic|reason: " + meters.deadLetterCounts() + "\n";
    }

    public static void main(String[] args) {
        CommandMain.run(new SoakBenchmark(), "bench-soak", args);
    }
}
