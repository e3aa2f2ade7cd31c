package org.pharmamaturity.producers.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.MosquittoBroker;
import org.pharmamaturity.producers.testing.CliRun;
import org.pharmamaturity.producers.testing.GatewayRun;
import org.pharmamaturity.testing.EmbeddedStack;
import org.pharmamaturity.testing.TestMosquitto;

/**
 * {@code simulate --mqtt} publishes its machine data as JSON on the UNS tree, and the gateway with the default
 * mapping takes every message: the whole plant path runs locally without a dead letter.
 */
@Tag("integration")
class SimulateThroughGatewayTest {

    private static final Pattern ACCEPTED = Pattern.compile(
            "maturity_gateway_messages_total\\{outcome=\"accepted\",protocol=\"mqtt\"} (\\d+)\\.0");

    @Test
    void everySimulatedMachineMessageIsMapped(@TempDir Path work) throws Exception {
        EmbeddedStack stack = EmbeddedStack.shared();
        try (MosquittoBroker mosquitto = TestMosquitto.start(work);
                Gateway gateway = Gateway.start(GatewayRun.settings(stack.bootstrapServers(), stack.registryUrl(),
                        mosquitto.uri(), "sim-" + UUID.randomUUID(), null, work.resolve("buffer")))) {
            CliRun run = CliRun.against(stack, "simulate", "--mqtt=" + mosquitto.uri(), "--enterprises=2",
                    "--rate=200", "--duration=20s", "--seed=7");
            assertThat(run.exitCode()).as(run.errors()).isZero();

            await().atMost(Duration.ofSeconds(60)).until(() -> accepted(GatewayRun.scrape(gateway)) > 0);
            assertThat(GatewayRun.scrape(gateway)).doesNotContain("maturity_gateway_dead_letters_total{");
        }
    }

    private static long accepted(String metrics) {
        Matcher matcher = ACCEPTED.matcher(metrics);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
