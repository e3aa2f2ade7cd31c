package org.pharmamaturity.testing;

import java.time.Duration;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.pharmamaturity.embedded.EmbeddedStackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-node KRaft cluster (combined broker and controller) on random ports, built with Kafka's own
 * {@link KafkaClusterTestKit}; internal topics use replication factor 1 so transactions work on one node.
 */
public final class TestKitBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestKitBroker.class);

    private final KafkaClusterTestKit cluster;

    private TestKitBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Formats, starts and waits for a fresh cluster. */
    public static TestKitBroker start() {
        return new TestKitBroker(startCluster(singleNode(new TestKitNodes.Builder())));
    }

    /** The builder of a one-node combined cluster with this class's settings, on the listeners of {@code nodes}. */
    static KafkaClusterTestKit.Builder singleNode(TestKitNodes.Builder nodes) {
        return new KafkaClusterTestKit.Builder(nodes
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // Test scenarios pin record timestamps to fixed past days, older than the event topics'
                // 7-day retention: the broker's retention pass (every 5 minutes by default) would delete them
                // before the pipeline reads them, at a moment that depends on when the test runs.
                .setConfigProp("log.retention.check.interval.ms", Long.toString(Duration.ofDays(1).toMillis()));
    }

    /** Builds, formats, starts and waits for the cluster; closes it again when it does not come up. */
    static KafkaClusterTestKit startCluster(KafkaClusterTestKit.Builder builder) {
        keepTheBrokerFromHaltingTheJvm();
        KafkaClusterTestKit cluster = null;
        try {
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return cluster;
        } catch (Exception e) {
            closeQuietly(cluster);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new EmbeddedStackException("The embedded Kafka test cluster did not start: " + e.getMessage(), e);
        }
    }

    /** {@code host:port} of the broker's client listener. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        close(cluster);
    }

    /** Shuts the cluster down. */
    static void close(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new EmbeddedStackException("The embedded Kafka test cluster did not shut down cleanly: " + e.getMessage(), e);
        }
    }

    /**
     * A shared test broker lives until the JVM exits, and the test kit deletes its data directories in a shutdown
     * hook that can run while the broker is still up; the broker then sees its only log directory fail and halts the
     * JVM with status 1, so Surefire reports a failed fork after every test passed. The tests own this JVM: a halt
     * request is logged instead (Kafka's own tests override the same procedure).
     */
    private static void keepTheBrokerFromHaltingTheJvm() {
        Exit.setHaltProcedure((status, message) -> LOG.warn(
                "The embedded broker asked to halt the JVM with status {} ({}); ignored, the tests own this JVM",
                status, message));
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception suppressed) {
            // The start failure is the error worth reporting.
        }
    }
}
