package org.pharmamaturity.benchmarks.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@link ApiLoad}, read once from {@code --name=value} arguments.
 *
 * @param url the API's base URL
 * @param token the bearer token (given, or the regulator's from a local run's token file)
 * @param enterprises the enterprise ids requested in turn
 * @param mode {@code latency} (fixed rate) or {@code saturation} (as fast as the workers go)
 * @param rate requests per second in latency mode
 * @param concurrency workers in saturation mode
 * @param warmup unmeasured time before each run
 * @param duration measured time of each run
 * @param runs how many runs
 */
record LoadOptions(String url, String token, List<String> enterprises, String mode, int rate, int concurrency,
        Duration warmup, Duration duration, int runs) {

    static final String USAGE = "usage: ApiLoad [--url=http://127.0.0.1:8080] (--token=T | --tokens-file=.local-run/api-tokens.txt)"
            + " [--enterprises=SIM-E001,...] [--mode=latency|saturation] [--rate=200] [--concurrency=16]"
            + " [--warmup=PT10S] [--duration=PT30S] [--runs=3]";
    private static final Set<String> NAMES = Set.of("url", "token", "tokens-file", "enterprises", "mode", "rate",
            "concurrency", "warmup", "duration", "runs");

    static LoadOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'. " + USAGE);
            }
            values.put(name, arg.substring(equals + 1));
        }
        String mode = values.getOrDefault("mode", "latency");
        if (!mode.equals("latency") && !mode.equals("saturation")) {
            throw new IllegalArgumentException("--mode is latency or saturation. " + USAGE);
        }
        return new LoadOptions(values.getOrDefault("url", "http://127.0.0.1:8080"), token(values),
                List.of(values.getOrDefault("enterprises", defaultEnterprises()).split(",")), mode,
                Integer.parseInt(values.getOrDefault("rate", "200")),
                Integer.parseInt(values.getOrDefault("concurrency", "16")),
                Duration.parse(values.getOrDefault("warmup", "PT10S")),
                Duration.parse(values.getOrDefault("duration", "PT30S")),
                Integer.parseInt(values.getOrDefault("runs", "3")));
    }

    private static String token(Map<String, String> values) {
        if (values.containsKey("token")) {
            return values.get("token");
        }
        Path file = Path.of(values.getOrDefault("tokens-file", ".local-run/api-tokens.txt"));
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("regulator ")).map(line -> line.substring("regulator ".length()).trim())
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no regulator token in " + file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (start ./run-local, or give --token). " + USAGE);
        }
    }

    /** The local run's simulated enterprises SIM-E001 to SIM-E040. */
    private static String defaultEnterprises() {
        StringBuilder ids = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            ids.append(i == 1 ? "" : ",").append(String.format("SIM-E%03d", i));
        }
        return ids.toString();
    }
}
