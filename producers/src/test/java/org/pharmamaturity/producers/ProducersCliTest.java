package org.pharmamaturity.producers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pharmamaturity.schemas.config.EnvironmentVariables;
import org.pharmamaturity.schemas.serde.AvroSerdeConfig;
import picocli.CommandLine;

/** Help on every command, and where the connection settings come from. */
class ProducersCliTest {

    @ParameterizedTest
    @ValueSource(strings = {"simulate", "ingest", "load", "topics"})
    void everySubcommandHasHelp(String command) {
        StringWriter out = new StringWriter();
        CommandLine cli = ProducersCli.commandLine().setOut(new PrintWriter(out, true));

        int exitCode = cli.execute(command, "--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("Usage: producers " + command).contains("--bootstrap-servers");
    }

    @Test
    void topLevelHelpListsTheSubcommands() {
        StringWriter out = new StringWriter();
        int exitCode = ProducersCli.commandLine().setOut(new PrintWriter(out, true)).execute("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("simulate").contains("ingest").contains("load");
    }

    @Test
    void optionsWinOverEnvironmentWhichWinsOverDefaults() {
        Map<String, String> env = Map.of(ProducerSettings.BOOTSTRAP_ENV, "env-broker:9092",
                ProducerSettings.REGISTRY_ENV, "http://env-registry:8081");

        assertThat(ProducerSettings.resolve("cli-broker:9092", null, null, env))
                .isEqualTo(new ProducerSettings("cli-broker:9092", "http://env-registry:8081", Map.of()));
        assertThat(ProducerSettings.resolve(null, null, null, Map.of()))
                .isEqualTo(new ProducerSettings("localhost:9092", "http://localhost:8081/apis/ccompat/v7", Map.of()));
    }

    @Test
    void producerConfigFileIsPassedThroughButCannotMoveTheBroker(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nbootstrap.servers=ignored:1\n");

        ProducerSettings settings = ProducerSettings.resolve("broker:9093", "http://registry:8081", file, Map.of());
        Map<String, Object> configs = settings.producerConfigs(Map.of());

        assertThat(configs).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9093")
                .containsEntry(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081");
    }

    @Test
    void theEnvironmentNamesTheConfigFileWhenTheOptionDoesNot(@TempDir Path dir) throws Exception {
        Path fromEnv = dir.resolve("env.properties");
        Files.writeString(fromEnv, "security.protocol=SASL_SSL\n");
        Path fromOption = dir.resolve("option.properties");
        Files.writeString(fromOption, "security.protocol=SSL\n");
        Map<String, String> env = Map.of(ProducerSettings.CONFIG_ENV, fromEnv.toString());

        assertThat(ProducerSettings.resolve(null, null, null, env).clientProperties())
                .isEqualTo(Map.of("security.protocol", "SASL_SSL"));
        assertThat(ProducerSettings.resolve(null, null, fromOption, env).clientProperties())
                .isEqualTo(Map.of("security.protocol", "SSL"));
    }

    @Test
    void aMissingProducerConfigFileSaysWhatToDo() {
        Path missing = Path.of("no-such-client.properties");
        assertThatThrownBy(() -> ProducerSettings.resolve(null, null, missing, Map.of()))
                .isInstanceOf(ProducersException.class).hasMessageContaining("--producer-config");
    }

    @Test
    void theEnvironmentFollowsTheOneRuleAndStillReadsTheRegistrysOlderName() {
        // The CLI's option descriptions quote the names as constants; they are what the rule gives.
        assertThat(ProducerSettings.BOOTSTRAP_ENV).isEqualTo(EnvironmentVariables.PRODUCERS.name("bootstrap.servers"));
        assertThat(ProducerSettings.CONFIG_ENV).isEqualTo(EnvironmentVariables.PRODUCERS.name(ProducerSettings.CONFIG_FILE));

        Map<String, String> both = Map.of("PRODUCERS_SCHEMA_REGISTRY_URL", "http://rule:8081",
                ProducerSettings.REGISTRY_ENV, "http://older:8081");
        assertThat(ProducerSettings.resolve(null, null, null, both).registryUrl()).isEqualTo("http://rule:8081");
        assertThat(ProducerSettings.resolve(null, null, null, Map.of(ProducerSettings.REGISTRY_ENV,
                "http://older:8081")).registryUrl()).isEqualTo("http://older:8081");
    }
}
