package org.pharmamaturity.streams.state;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a KafkaStreams instance whose local state may be unreadable. Kafka Streams 4.3 opens the stores it finds
 * in the state directory inside {@link KafkaStreams#start()} and treats every failure there but a
 * TaskCorruptedException as fatal (StateDirectory.initializeStartupStores): a RocksDB file or a task checkpoint
 * file with garbage in it makes every start fail, a crash loop under a supervisor. The local state is a copy of the
 * changelogs, so on such a failure the instance is closed, the local state wiped ({@link KafkaStreams#cleanUp()})
 * and a fresh instance started, which restores its stores from the changelogs.
 */
public final class LocalStateRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStateRecovery.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private LocalStateRecovery() {
    }

    /** A started instance from {@code create}: the first, or a fresh one on wiped local state. */
    public static KafkaStreams start(Supplier<KafkaStreams> create, Path stateDir) {
        KafkaStreams streams = create.get();
        try {
            streams.start();
            return streams;
        } catch (ProcessorStateException e) {
            LOG.warn("The local state under {} cannot be opened ({}); wiping it and restoring every store from its "
                    + "changelog", stateDir.toAbsolutePath(), causes(e), e);
            streams.close(CLOSE_TIMEOUT);
        }
        KafkaStreams fresh = create.get();
        try {
            fresh.cleanUp();
            fresh.start();
            return fresh;
        } catch (RuntimeException e) {
            fresh.close(CLOSE_TIMEOUT);
            throw e;
        }
    }

    /** The messages of the exception and its causes: the store, its location and RocksDB's own words. */
    private static String causes(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
