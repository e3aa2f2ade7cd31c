package org.pharmamaturity.producers.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.pharmamaturity.producers.ingest.ParsedRecord;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every mapped plant message goes: a record (or a dead letter for a message the gateway cannot use) is
 * stored in the on-disk buffer, once per event id, and the message is acknowledged to its source only once that is
 * on disk. Writes are forced to disk in groups by one thread (group commit: one fsync for every message that arrived
 * during the previous one), so the source is not held up by an fsync per message. When the buffer is full the
 * configured {@link BufferFullPolicy} applies, said in a log line and a metric.
 */
public final class GatewayIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayIntake.class);
    private static final long ROOM_WAIT_MS = 200;
    private static final long SYNC_POLL_MS = 50;

    private final DiskBuffer buffer;
    private final GatewayMetrics metrics;
    private final BufferFullPolicy policy;
    private final Clock clock;
    private final RecentEventIds recent = new RecentEventIds(100_000);
    private final BlockingQueue<Runnable> awaitingDisk = new LinkedBlockingQueue<>();
    private final Thread syncer;
    private volatile boolean stopping;
    private volatile boolean closed;

    public GatewayIntake(DiskBuffer buffer, GatewayMetrics metrics, BufferFullPolicy policy, Clock clock) {
        this.buffer = buffer;
        this.metrics = metrics;
        this.policy = policy;
        this.clock = clock;
        this.syncer = Thread.ofPlatform().name("gateway-buffer-sync").start(this::syncLoop);
    }

    /**
     * Stores what {@code outcome} makes of the message {@code payload} from {@code source} and runs
     * {@code acknowledge} once it is on disk (at once for a duplicate). With
     * {@link BufferFullPolicy#STOP_ACKNOWLEDGING} this waits for room; when the gateway stops before there was room
     * the message is never acknowledged, so its source delivers it again.
     */
    public void accept(String protocol, String source, byte[] payload, Outcome outcome, Runnable acknowledge)
            throws InterruptedException {
        if (stopping) {
            return;
        }
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
            acknowledge.run();
            return;
        }
        if (!store(BufferedRecords.encode(record))) {
            return;
        }
        awaitingDisk.add(acknowledge);
        if (outcome instanceof Outcome.Rejected rejected) {
            metrics.deadLetter(rejected.reason());
        }
        metrics.message(protocol, outcome instanceof Outcome.Accepted ? "accepted" : "rejected");
    }

    /** Stops waiting for room: a message waiting is left unacknowledged, so its source delivers it again. */
    public void stop() {
        stopping = true;
    }

    /** Forces what was stored to disk, acknowledges it, and stops the sync thread. */
    @Override
    public void close() throws InterruptedException {
        stop();
        // Not interrupted: an interrupt during FileChannel.force would close the buffer's channel.
        closed = true;
        syncer.join();
        syncAndAcknowledge(new ArrayList<>());
    }

    private void syncLoop() {
        List<Runnable> batch = new ArrayList<>();
        try {
            while (!closed) {
                Runnable first = awaitingDisk.poll(SYNC_POLL_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    syncAndAcknowledge(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One fsync for {@code batch} and everything else waiting, then their acknowledgements, in arrival order. */
    private void syncAndAcknowledge(List<Runnable> batch) {
        awaitingDisk.drainTo(batch);
        buffer.force();
        batch.forEach(Runnable::run);
        batch.clear();
    }

    private boolean store(byte[] entry) throws InterruptedException {
        if (buffer.write(entry)) {
            return true;
        }
        metrics.bufferFull();
        if (policy == BufferFullPolicy.DROP_OLDEST) {
            int dropped = buffer.dropOldest(entry.length);
            metrics.dropped(dropped);
            LOG.warn("the buffer is full ({} of {} bytes; Kafka unreachable?): dropped the {} oldest record(s) "
                    + "(policy DROP_OLDEST)", buffer.usedBytes(), buffer.capacityBytes(), dropped);
            return buffer.write(entry);
        }
        LOG.warn("the buffer is full ({} of {} bytes; Kafka unreachable?): MQTT messages are not acknowledged "
                + "until there is room (policy STOP_ACKNOWLEDGING)", buffer.usedBytes(), buffer.capacityBytes());
        while (!stopping) {
            if (buffer.awaitRoom(entry.length, ROOM_WAIT_MS) && buffer.write(entry)) {
                LOG.info("the buffer has room again; acknowledging MQTT messages");
                return true;
            }
        }
        return false;
    }
}
