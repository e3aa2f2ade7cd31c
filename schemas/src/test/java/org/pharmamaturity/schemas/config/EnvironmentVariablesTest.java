package org.pharmamaturity.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** One rule maps keys to environment variables, for the service and the producers alike. */
class EnvironmentVariablesTest {

    @Test
    void theNamespaceIsThePrefixAndTheOwnKeyPrefixIsDropped() {
        // "maturity." dropped, "api.max-body-bytes" upper-cased with '.' and '-' as '_'.
        assertThat(EnvironmentVariables.SERVICE.name("maturity.api.max-body-bytes"))
                .isEqualTo("MATURITY_API_MAX_BODY_BYTES");
        assertThat(EnvironmentVariables.SERVICE.name("bootstrap.servers")).isEqualTo("MATURITY_BOOTSTRAP_SERVERS");
        assertThat(EnvironmentVariables.PRODUCERS.name("bootstrap.servers")).isEqualTo("PRODUCERS_BOOTSTRAP_SERVERS");
        assertThat(EnvironmentVariables.PRODUCERS.name("producers.config")).isEqualTo("PRODUCERS_CONFIG");
        // Another namespace's key keeps its prefix: "maturity.x" is not the producers' own.
        assertThat(EnvironmentVariables.PRODUCERS.name("maturity.x")).isEqualTo("PRODUCERS_MATURITY_X");
    }

    @Test
    void onlyTheVariablesOfKnownKeysAreRead() {
        Map<String, String> env = Map.of("MATURITY_KPI_GRACE", "PT2H", "MATURITY_NOT_A_SETTING", "x",
                "PRODUCERS_KPI_GRACE", "PT9H");

        assertThat(EnvironmentVariables.SERVICE.values(List.of("maturity.kpi.grace", "maturity.api.port"), env))
                .isEqualTo(Map.of("maturity.kpi.grace", "PT2H"));
    }

    @Test
    void anOptionWinsOverTheEnvironmentAndBlankOrMissingValuesAreNotSet() {
        ConfigDef definition = new ConfigDef().define("a", ConfigDef.Type.STRING, "da", ConfigDef.Importance.HIGH, "")
                .define("b", ConfigDef.Type.STRING, "db", ConfigDef.Importance.HIGH, "")
                .define("c", ConfigDef.Type.STRING, "dc", ConfigDef.Importance.HIGH, "");
        Map<String, String> options = new HashMap<>();
        options.put("a", "option");
        options.put("b", null); // not given
        options.put("c", " ");

        assertThat(EnvironmentVariables.PRODUCERS.withOptions(definition, options,
                Map.of("PRODUCERS_A", "env", "PRODUCERS_B", "env", "PRODUCERS_C", "")))
                .isEqualTo(Map.of("a", "option", "b", "env"));
    }
}
