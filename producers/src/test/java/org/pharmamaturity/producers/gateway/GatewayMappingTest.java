package org.pharmamaturity.producers.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and checking mapping files, and matching topics with the default UNS mapping. */
class GatewayMappingTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultMappingMapsTheUnsTree() {
        GatewayMapping mapping = GatewayMapping.defaultMapping();
        MqttRule rule = mapping.ruleFor("ACME/SH-1/filling/L2/FL-7/state").orElseThrow();
        assertThat(rule.kind()).isEqualTo(GatewayKind.states);
        assertThat(rule.pattern().match("ACME/SH-1/filling/L2/FL-7/state").orElseThrow())
                .isEqualTo(Map.of("enterpriseId", "ACME", "siteId", "SH-1", "equipmentId", "FL-7"));
        assertThat(rule.stateCodes()).containsEntry("4", "UNPLANNED_STOP");
        assertThat(mapping.ruleFor("ACME/SH-1/filling/L2/FL-7/count").orElseThrow().kind()).isEqualTo(GatewayKind.counts);
        assertThat(mapping.ruleFor("ACME/SH-1/notes")).isEmpty();
        assertThat(mapping.mqttSubscriptions()).containsExactly("#");
    }

    @Test
    void aPatternSubscribesWithWildcardsAndMatchesWholeLevels() {
        TopicPattern pattern = TopicPattern.parse("{enterpriseId}/plant/+/{equipmentId}/#");
        assertThat(pattern.filter()).isEqualTo("+/plant/+/+/#");
        assertThat(pattern.match("E1/plant/a/EQ1/x/y")).contains(Map.of("enterpriseId", "E1", "equipmentId", "EQ1"));
        assertThat(pattern.match("E1/other/a/EQ1/x")).isEmpty();
        assertThat(TopicPattern.parse("a/{b}").match("a/b/c")).isEmpty();
    }

    @Test
    void everyProblemOfAFileIsNamedWithItsRule() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                stateCodes:
                  plc: {"1": RUNING}
                mqtt:
                  - topic: "{enterpriseId}/{siteId}/{equipmentId}/state"
                    kind: state
                  - topic: "{enterpriseId}/{equipmentId}/count"
                    kind: counts
                    stateCodes: packml
                    fields: {eventTime: $.ts, goodCount: $.good, rejectCount: $.bad, colour: red}
                opcua:
                  - nodeId: "ns=2;s=Good"
                    kind: counts
                    enterpriseId: E
                    siteId: S
                    equipmentId: EQ
                """);
        assertThatThrownBy(() -> GatewayMapping.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("stateCodes.plc: code 1 maps to 'RUNING'")
                .hasMessageContaining("mqtt[0]: kind 'state' is not one of [states, counts, telemetry]")
                .hasMessageContaining("mqtt[1]: stateCodes 'packml' is not a table")
                .hasMessageContaining("mqtt[1]: field 'colour' is not a field of counts")
                .hasMessageContaining("mqtt[1]: counts needs field 'siteId'")
                .hasMessageContaining("mqtt[1]: counts needs field 'idealCycleTimeMs'")
                .hasMessageContaining("opcua[0]: a counts node needs counter: good or counter: reject")
                .hasMessageContaining("opcua[0]: a counts node needs idealCycleTimeMs");
    }

    @Test
    void aFileThatIsNotYamlSaysSo() throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "mqtt: [ {topic: \"a\"");
        assertThatThrownBy(() -> GatewayMapping.load(file)).isInstanceOf(MappingException.class)
                .hasMessageContaining("cannot be read as YAML or JSON");
    }
}
