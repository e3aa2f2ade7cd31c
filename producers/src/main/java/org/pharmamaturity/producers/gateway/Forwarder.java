package org.pharmamaturity.producers.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.pharmamaturity.producers.RecordPublisher;
import org.pharmamaturity.producers.ingest.ParsedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the buffer's records to Kafka in order, one batch at a time, and commits the buffer past a batch only when
 * Kafka acknowledged all of it (idempotent producer, acks=all). When Kafka or the registry is unreachable the batch
 * is retried, only its unacknowledged records and in their order, with a fresh producer, until it goes through; a
 * record of the same key is never sent before an earlier one was acknowledged, so the order per equipment holds.
 */
public final class Forwarder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private static final long RETRY_PAUSE_MS = 1_000;

    private final DiskBuffer buffer;
    private final Supplier<RecordPublisher> publishers;
    private final GatewayMetrics metrics;
    private final int batchSize;
    private final Runnable prepare;
    private final Thread thread;
    private boolean prepared;
    private volatile boolean running = true;
    private RecordPublisher publisher;
    private boolean outage;

    /**
     * {@code publishers} makes a producer (again after a failure); {@code batchSize} records are sent at once;
     * {@code prepare} (creating the topics) runs before the first send, again after each failure until it succeeds.
     */
    public Forwarder(DiskBuffer buffer, Supplier<RecordPublisher> publishers, GatewayMetrics metrics, int batchSize,
            Runnable prepare) {
        this.buffer = buffer;
        this.publishers = publishers;
        this.metrics = metrics;
        this.batchSize = batchSize;
        this.prepare = prepare;
        this.thread = Thread.ofPlatform().name("gateway-forwarder").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** Stops after the batch in flight (what was not acknowledged stays in the buffer) and closes the producer. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }

    private void run() {
        try {
            while (running) {
                List<DiskBuffer.Entry> batch = buffer.peek(batchSize);
                if (batch.isEmpty()) {
                    buffer.awaitEntries(100);
                    continue;
                }
                forward(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closePublisher();
        }
    }

    private void forward(List<DiskBuffer.Entry> batch) throws InterruptedException {
        List<ParsedRecord<?>> records = new ArrayList<>();
        batch.forEach(entry -> records.add(BufferedRecords.decode(entry.bytes())));
        boolean[] delivered = new boolean[records.size()];
        while (running) {
            Exception failure = attempt(records, delivered);
            commitDeliveredPrefix(batch, delivered);
            if (failure == null) {
                metrics.forwarded(records.size());
                reportUp();
                return;
            }
            reportDown(failure);
            closePublisher();
            Thread.sleep(RETRY_PAUSE_MS);
        }
    }

    /** Sends the records not yet delivered, in order; the first failure, or null when all were acknowledged. */
    private Exception attempt(List<ParsedRecord<?>> records, boolean[] delivered) {
        if (!prepared) {
            try {
                prepare.run();
                prepared = true;
            } catch (RuntimeException e) {
                return e;
            }
        }
        if (publisher == null) {
            publisher = publishers.get();
        }
        List<Integer> sent = new ArrayList<>();
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        Exception failure = null;
        for (int i = 0; i < records.size() && failure == null; i++) {
            if (!delivered[i]) {
                try {
                    futures.add(records.get(i).sendWith(publisher));
                    sent.add(i);
                } catch (RuntimeException e) {
                    // A serializer that cannot reach the registry throws here; what follows waits for the next attempt.
                    failure = e;
                }
            }
        }
        publisher.flush();
        for (int j = 0; j < futures.size(); j++) {
            try {
                futures.get(j).get();
                delivered[sent.get(j)] = true;
            } catch (ExecutionException e) {
                failure = failure == null ? (Exception) e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        }
        return failure;
    }

    private void commitDeliveredPrefix(List<DiskBuffer.Entry> batch, boolean[] delivered) {
        int prefix = 0;
        while (prefix < delivered.length && delivered[prefix]) {
            prefix++;
        }
        if (prefix > 0) {
            buffer.commit(batch.get(prefix - 1).next());
        }
    }

    private void reportUp() {
        metrics.kafkaUp(true);
        if (outage) {
            LOG.info("Kafka and the registry are reachable again; sending the buffered records ({} bytes waiting)",
                    buffer.usedBytes());
            outage = false;
        }
    }

    private void reportDown(Exception failure) {
        metrics.kafkaUp(false);
        if (!outage) {
            LOG.warn("cannot send to Kafka or the registry ({}); records wait in the buffer ({} of {} bytes) and are "
                    + "sent in order when it returns", failure.toString(), buffer.usedBytes(), buffer.capacityBytes());
            outage = true;
        }
    }

    private void closePublisher() {
        if (publisher != null) {
            try {
                publisher.close();
            } catch (RuntimeException e) {
                LOG.debug("closing the producer after a failure: {}", e.toString());
            }
            publisher = null;
        }
    }
}
