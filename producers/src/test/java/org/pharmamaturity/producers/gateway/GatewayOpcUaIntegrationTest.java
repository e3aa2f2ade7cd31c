package org.pharmamaturity.producers.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.producers.testing.GatewayRun;
import org.pharmamaturity.producers.testing.PlantOpcUaServer;
import org.pharmamaturity.producers.testing.TestCertificates;
import org.pharmamaturity.producers.testing.TopicProbe;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.testing.EmbeddedStack;

/**
 * The gateway against a real OPC UA server (Eclipse Milo's server SDK, in this JVM) over Basic256Sha256 with
 * certificates generated here and a user-name login: value changes become records, a counter reset is counted from
 * zero, and when the server goes away and comes back the subscription resumes and the units counted meanwhile arrive.
 */
@Tag("integration")
class GatewayOpcUaIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Instant T0 = Instant.parse("2026-03-01T06:00:00Z");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String filler = "UA-FL-" + run;

    @Test
    void valueChangesCounterResetAndAServerRestartBecomeTheExpectedRecords(@TempDir Path work) throws Exception {
        EmbeddedStack stack = EmbeddedStack.shared();
        TopicProbe probe = new TopicProbe(stack);
        TestCertificates.Issued gatewayCertificate = TestCertificates.issue("urn:pharma-maturity:gateway");
        char[] password = "changeit".toCharArray();
        Path keyStore = gatewayCertificate.writeKeyStore(work.resolve("gateway.p12"), password);
        Files.writeString(work.resolve("keystore.pass"), "changeit\n");
        Files.writeString(work.resolve("opcua.pass"), PlantOpcUaServer.PASSWORD + "\n");

        try (PlantOpcUaServer plant = PlantOpcUaServer.start(Map.of("Filler.State", 1, "Filler.Good", 100,
                "Filler.Reject", 0, "Filler.Temperature", 36.5), T0, gatewayCertificate.certificate())) {
            Path pki = work.resolve("pki");
            Files.createDirectories(pki.resolve("trusted").resolve("certs"));
            Files.write(pki.resolve("trusted").resolve("certs").resolve("plant.der"), plant.certificate().getEncoded());
            GatewaySettings settings = new GatewaySettings(new ProducerSettings(stack.bootstrapServers(),
                    stack.registryUrl(), Map.of()), GatewayMapping.load(mapping(work)), null, null,
                    new OpcUaSettings(plant.endpointUrl(), "Basic256Sha256", keyStore, password, pki,
                            PlantOpcUaServer.USER, PlantOpcUaServer.PASSWORD.toCharArray()),
                    work.resolve("buffer"), 16L * 1024 * 1024, BufferFullPolicy.STOP_ACKNOWLEDGING, "127.0.0.1", 0);
            try (Gateway gateway = Gateway.start(settings)) {
                // the first state is a record; the counters' first values (100 and 0) are their baselines
                await().atMost(WAIT).until(() -> states(probe).size() == 1);
                plant.set("Filler.Good", 130, T0.plusSeconds(60));
                plant.set("Filler.State", 4, T0.plusSeconds(120));
                plant.set("Filler.Temperature", 37.0, T0.plusSeconds(120));
                await().atMost(WAIT).until(() -> counts(probe).size() == 1 && states(probe).size() == 2);
                // the PLC restarted its counter: 130 -> 5 means 5 units since the reset
                plant.set("Filler.Good", 5, T0.plusSeconds(180));
                await().atMost(WAIT).until(() -> counts(probe).size() == 2);

                plant.stop();
                // while the server is away the line keeps counting: 5 -> 12 good, 0 -> 2 rejects
                plant.set("Filler.Good", 12, T0.plusSeconds(240));
                plant.set("Filler.Reject", 2, T0.plusSeconds(240));
                plant.restart();
                await().atMost(WAIT).until(() -> counts(probe).size() == 4);
                assertThat(GatewayRun.scrape(gateway))
                        .contains("maturity_gateway_source_connected{protocol=\"opcua\"} 1.0")
                        .contains("maturity_gateway_opcua_item_good{node=\"ns=2;s=Filler.Good\"} 1.0");
            }
        }

        // good 30 (100 -> 130), 5 (after the reset), 7 (5 -> 12 while the server was away): 42 units, none lost
        assertThat(counts(probe)).extracting(ProductionCount::getEventTime, ProductionCount::getGoodCount,
                        ProductionCount::getRejectCount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(60), 30L, 0L),
                        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(180), 5L, 0L),
                        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(240), 7L, 0L),
                        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(240), 0L, 2L));
        assertThat(counts(probe)).allSatisfy(c -> assertThat(c.getIdealCycleTimeMs()).isEqualTo(800.0));
        // the state after the restart is unchanged (4), so it makes no second record
        assertThat(states(probe)).extracting(EquipmentStateChange::getEventTime, EquipmentStateChange::getState)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(T0, EquipmentState.RUNNING),
                        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(120), EquipmentState.UNPLANNED_STOP));
        // 37.0 is sent again after the restart with its source time: same event id, so it is one record
        assertThat(probe.values(Topic.FACTORY_EQUIPMENT_TELEMETRY.name(), EquipmentTelemetry.class).stream()
                .filter(t -> t.getEquipmentId().equals(filler)).toList())
                .extracting(EquipmentTelemetry::getEventTime, EquipmentTelemetry::getValue, EquipmentTelemetry::getUnit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(T0, 36.5, "Cel"),
                        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(120), 37.0, "Cel"));
    }

    private Path mapping(Path work) throws Exception {
        return Files.writeString(work.resolve("opcua.yaml"), """
                stateCodes:
                  plc: {"1": RUNNING, "2": IDLE, "4": UNPLANNED_STOP}
                opcua:
                  - {nodeId: "ns=2;s=Filler.State", kind: states, stateCodes: plc, %1$s}
                  - {nodeId: "ns=2;s=Filler.Good", kind: counts, counter: good, idealCycleTimeMs: 800, %1$s}
                  - {nodeId: "ns=2;s=Filler.Reject", kind: counts, counter: reject, idealCycleTimeMs: 800, %1$s}
                  - {nodeId: "ns=2;s=Filler.Temperature", kind: telemetry, tag: TT-101.PV, unit: Cel, %1$s}
                """.formatted("enterpriseId: UA-E, siteId: UA-S1, equipmentId: " + filler));
    }

    private List<ProductionCount> counts(TopicProbe probe) {
        return probe.values(Topic.FACTORY_PRODUCTION_COUNT.name(), ProductionCount.class).stream()
                .filter(c -> c.getEquipmentId().equals(filler)).toList();
    }

    private List<EquipmentStateChange> states(TopicProbe probe) {
        return probe.values(Topic.FACTORY_EQUIPMENT_STATE.name(), EquipmentStateChange.class).stream()
                .filter(s -> s.getEquipmentId().equals(filler)).toList();
    }
}
