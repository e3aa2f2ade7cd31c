package org.pharmamaturity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LibraryLogRoutingTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ByteArrayOutputStream file = new ByteArrayOutputStream();

    @Test
    void brokerErrorsAndTheirStackTracesGoToTheFileTheStacksOwnLinesStay() {
        print("""
                20:50:01 INFO org.pharmamaturity.embedded.ApicurioRegistry - Apicurio registry starting: pid 7
                20:50:02.117 [request-handler-1] ERROR kafka.server.ReplicaManager - [ReplicaManager broker=1] Error processing append operation
                org.apache.kafka.common.errors.OutOfOrderSequenceException: Out of order sequence number
                \tat kafka.log.UnifiedLog.append(UnifiedLog.scala:1)
                20:50:03 INFO org.pharmamaturity.streams.metrics.StateRestoreLog - Restored store kpi-equipment-days
                20:50:04 WARN org.pharmamaturity.streams.LocalStateRecovery - The local state cannot be opened
                run-local: Port 9092 on 127.0.0.1 (Kafka broker) is already in use
                """);

        assertThat(text(console)).isEqualTo("""
                20:50:01 INFO org.pharmamaturity.embedded.ApicurioRegistry - Apicurio registry starting: pid 7
                20:50:04 WARN org.pharmamaturity.streams.LocalStateRecovery - The local state cannot be opened
                run-local: Port 9092 on 127.0.0.1 (Kafka broker) is already in use
                """);
        assertThat(text(file)).isEqualTo("""
                20:50:02.117 [request-handler-1] ERROR kafka.server.ReplicaManager - [ReplicaManager broker=1] Error processing append operation
                org.apache.kafka.common.errors.OutOfOrderSequenceException: Out of order sequence number
                \tat kafka.log.UnifiedLog.append(UnifiedLog.scala:1)
                20:50:03 INFO org.pharmamaturity.streams.metrics.StateRestoreLog - Restored store kpi-equipment-days
                """);
    }

    @Test
    void aLineWithoutALogLineBeforeItStaysOnTheConsole() {
        print("java.lang.IllegalStateException: boom\n\tat org.pharmamaturity.local.LocalStack.main(LocalStack.java:1)\n");

        assertThat(text(console)).isEqualTo(
                "java.lang.IllegalStateException: boom\n\tat org.pharmamaturity.local.LocalStack.main(LocalStack.java:1)\n");
        assertThat(text(file)).isEmpty();
    }

    @Test
    void slf4jSimpleLinesAreSortedByTheirLoggerName() {
        PrintStream original = System.err;
        System.setErr(new PrintStream(new LibraryLogRouting(console, file), true, StandardCharsets.UTF_8));
        try {
            LoggerFactory.getLogger("org.apache.kafka.clients.producer.internals.Sender").warn("Got error produce response");
            LoggerFactory.getLogger("org.pharmamaturity.local.Probe").info("Local stack is up");
        } finally {
            System.setErr(original);
        }

        // With or without the thread and milliseconds: the test classpath's configuration shows both.
        assertThat(text(console)).matches("\\d\\d:\\d\\d:\\d\\d\\S* (\\[main\\] )?INFO org.pharmamaturity.local.Probe - Local stack is up\n");
        assertThat(text(file)).matches("\\d\\d:\\d\\d:\\d\\d\\S* (\\[main\\] )?WARN org.apache.kafka.clients.producer.internals.Sender"
                + " - Got error produce response\n");
    }

    private void print(String lines) {
        PrintStream err = new PrintStream(new LibraryLogRouting(console, file), true, StandardCharsets.UTF_8);
        err.print(lines);
        err.flush();
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
