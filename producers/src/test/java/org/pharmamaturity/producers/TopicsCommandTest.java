package org.pharmamaturity.producers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.testing.EmbeddedStack;

/** {@code producers topics} on the embedded broker: every topic of the pipeline exists afterwards, and a rerun is a no-op. */
@Tag("integration")
class TopicsCommandTest {

    @Test
    void createsEveryPipelineTopicAndASecondRunCreatesNone() throws Exception {
        EmbeddedStack stack = EmbeddedStack.shared();

        assertThat(run(stack).exitCode()).isZero();
        Run second = run(stack);

        // The 20 topics of DESIGN.md section 5 and the contract notes: 13 inputs (assessment.scenarios.declared the
        // twelfth, ref.title the thirteenth), 2 KPI outputs, maturity.enterprise/.sector/.alerts/.programme,
        // maturity.dlq: 13 + 2 + 4 + 1.
        assertThat(second.exitCode()).isZero();
        assertThat(second.out().strip()).isEqualTo("created 0 of 20 topics");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).contains("ref.enterprise", "factory.equipment.state", "logistics.coldchain.reading",
                    "assessment.self.submitted", "kpi.enterprise.daily", "maturity.enterprise", "maturity.sector",
                    "maturity.alerts", "maturity.dlq", "ref.title", "maturity.programme");
            TopicDescription sector = admin.describeTopics(Set.of("maturity.sector")).allTopicNames().get()
                    .get("maturity.sector");
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "maturity.sector");
            String cleanup = admin.describeConfigs(Set.of(resource)).all().get().get(resource)
                    .get("cleanup.policy").value();
            assertThat(sector.partitions()).isNotEmpty();
            assertThat(cleanup).isEqualTo("compact");
        }
    }

    private static Run run(EmbeddedStack stack) {
        StringWriter out = new StringWriter();
        int exitCode = ProducersCli.commandLine().setOut(new PrintWriter(out, true))
                .execute("topics", "--bootstrap-servers=" + stack.bootstrapServers());
        return new Run(exitCode, out.toString());
    }

    private record Run(int exitCode, String out) {
    }
}
