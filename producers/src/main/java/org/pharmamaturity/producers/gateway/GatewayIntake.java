package org.pharmamaturity.producers.gateway;

import java.time.Clock;

import org.pharmamaturity.producers.ingest.ParsedRecord;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every mapped plant message goes: a record (or a dead letter for a message the gateway cannot use) is
 * stored in the on-disk buffer, once per event id, before the message is acknowledged to its source. When the
 * buffer is full the configured {@link BufferFullPolicy} applies, said in a log line and a metric.
 */
public final class GatewayIntake {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayIntake.class);
    private static final long ROOM_WAIT_MS = 200;

    private final DiskBuffer buffer;
    private final GatewayMetrics metrics;
    private final BufferFullPolicy policy;
    private final Clock clock;
    private final RecentEventIds recent = new RecentEventIds(100_000);
    private volatile boolean stopping;

    public GatewayIntake(DiskBuffer buffer, GatewayMetrics metrics, BufferFullPolicy policy, Clock clock) {
        this.buffer = buffer;
        this.metrics = metrics;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Stores what {@code outcome} makes of the message {@code payload} from {@code source}. Returns once it is on
     * disk (or known to be a duplicate); with {@link BufferFullPolicy#STOP_ACKNOWLEDGING} that waits for room.
     *
     * @return false only when the gateway is stopping before there was room: do not acknowledge the message
     */
    public boolean accept(String protocol, String source, byte[] payload, Outcome outcome) throws InterruptedException {
        ParsedRecord<?> record = switch (outcome) {
            case Outcome.Accepted accepted -> accepted.record();
            case Outcome.Rejected rejected -> {
                LOG.warn("dead letter {} from {}: {}", rejected.reason(), source, rejected.message());
                DeadLetter letter = GatewayDeadLetters.of(source, payload, rejected, clock.instant());
                yield new ParsedRecord<>(Topic.MATURITY_DLQ, rejected.key(), letter);
            }
        };
        String eventId = String.valueOf(record.value().get(record.value().getSchema().getField("eventId").pos()));
        if (!recent.firstTime(eventId)) {
            metrics.message(protocol, "duplicate");
            return true;
        }
        if (!store(BufferedRecords.encode(record))) {
            return false;
        }
        if (outcome instanceof Outcome.Rejected rejected) {
            metrics.deadLetter(rejected.reason());
        }
        metrics.message(protocol, outcome instanceof Outcome.Accepted ? "accepted" : "rejected");
        return true;
    }

    /** Stops waiting for room: a message waiting is left unacknowledged, so its source delivers it again. */
    public void stop() {
        stopping = true;
    }

    private boolean store(byte[] entry) throws InterruptedException {
        if (buffer.append(entry)) {
            return true;
        }
        metrics.bufferFull();
        if (policy == BufferFullPolicy.DROP_OLDEST) {
            int dropped = buffer.dropOldest(entry.length);
            metrics.dropped(dropped);
            LOG.warn("the buffer is full ({} of {} bytes; Kafka unreachable?): dropped the {} oldest record(s) "
                    + "(policy DROP_OLDEST)", buffer.usedBytes(), buffer.capacityBytes(), dropped);
            return buffer.append(entry);
        }
        LOG.warn("the buffer is full ({} of {} bytes; Kafka unreachable?): MQTT messages are not acknowledged "
                + "until there is room (policy STOP_ACKNOWLEDGING)", buffer.usedBytes(), buffer.capacityBytes());
        while (!stopping) {
            if (buffer.awaitRoom(entry.length, ROOM_WAIT_MS) && buffer.append(entry)) {
                LOG.info("the buffer has room again; acknowledging MQTT messages");
                return true;
            }
        }
        return false;
    }
}
