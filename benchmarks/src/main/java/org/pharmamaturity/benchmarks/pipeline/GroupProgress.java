package org.pharmamaturity.benchmarks.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a consumer group stands on a set of topics, read through the admin client: the end offsets of the
 * partitions and the group's committed offsets. A pipeline has consumed a backlog through the whole topology when
 * its group has committed the input topics up to the backlog's end and has no lag left on its own repartition
 * topics.
 */
public final class GroupProgress {

    private static final Duration LEADER_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration LEADER_SETTLE = Duration.ofSeconds(2);

    private final Admin admin;

    public GroupProgress(Admin admin) {
        this.admin = admin;
    }

    /** The end offsets of every partition of {@code topics}. */
    public Map<TopicPartition, Long> endOffsets(Set<String> topics) {
        Map<TopicPartition, OffsetSpec> request = partitionsOf(topics).stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(request).all().get();
            Map<TopicPartition, Long> ends = new HashMap<>();
            result.forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (InterruptedException | ExecutionException e) {
            throw failure("read the end offsets of " + topics, e);
        }
    }

    /**
     * Waits until every partition of {@code topics} has a leader and then a little longer: an idempotent producer
     * that writes to a partition whose leadership is still settling can be refused with an out-of-order sequence.
     */
    public void awaitLeaders(List<String> topics) throws InterruptedException {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + LEADER_TIMEOUT.toNanos();
        while (!allLed(topics)) {
            if (System.nanoTime() > deadline) {
                throw new BenchmarkException("The new topics " + topics + " have no leader after " + LEADER_TIMEOUT);
            }
            Thread.sleep(100);
        }
        Thread.sleep(LEADER_SETTLE.toMillis());
    }

    private boolean allLed(List<String> topics) {
        try {
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .allMatch(description -> description.partitions().stream().allMatch(info -> info.leader() != null));
        } catch (InterruptedException | ExecutionException e) {
            throw failure("describe the new topics", e);
        }
    }

    /** Commits {@code offsets} for {@code groupId}, so a new application starts there instead of at the beginning. */
    void startAt(String groupId, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        offsets.forEach((partition, offset) -> commit.put(partition, new OffsetAndMetadata(offset)));
        try {
            admin.alterConsumerGroupOffsets(groupId, commit).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw failure("set the start offsets of group " + groupId, e);
        }
    }

    /** The group's committed offsets (partitions without a commit are absent). */
    public Map<TopicPartition, Long> committed(String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
            return committed;
        } catch (InterruptedException | ExecutionException e) {
            throw failure("read the committed offsets of group " + groupId, e);
        }
    }

    /**
     * True when {@code groupId} has committed every partition of {@code targets} up to its target offset and lags
     * its repartition topics (names starting with {@code groupId-}) by at most {@code markerSlack} per partition:
     * under exactly-once the last transaction's commit marker can sit after the last committed record.
     */
    boolean caughtUp(String groupId, Map<TopicPartition, Long> targets, int markerSlack) {
        Map<TopicPartition, Long> committed = committed(groupId);
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            if (committed.getOrDefault(target.getKey(), 0L) < target.getValue()) {
                return false;
            }
        }
        Set<String> repartition = repartitionTopics(groupId);
        if (repartition.isEmpty()) {
            return true;
        }
        for (Map.Entry<TopicPartition, Long> end : endOffsets(repartition).entrySet()) {
            if (end.getValue() - committed.getOrDefault(end.getKey(), 0L) > markerSlack) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many records {@code groupId} has yet to commit on {@code topics} and on its own repartition topics,
     * summed over their partitions.
     */
    public long lag(String groupId, Set<String> topics) {
        Set<String> consumed = new HashSet<>(topics);
        consumed.addAll(repartitionTopics(groupId));
        return lag(endOffsets(consumed), committed(groupId));
    }

    /** The records between each partition's committed offset (0 when none) and its end, summed. */
    static long lag(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed) {
        return ends.entrySet().stream()
                .mapToLong(end -> Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L))).sum();
    }

    /** The application's internal topics: repartition and changelog topics named {@code <applicationId>-...}. */
    Set<String> internalTopics(String applicationId) {
        try {
            return admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(applicationId + "-")).collect(Collectors.toSet());
        } catch (InterruptedException | ExecutionException e) {
            throw failure("list the topics", e);
        }
    }

    /** Deletes the application's internal topics and its group, so the broker does not grow run after run. */
    void forget(String applicationId) {
        try {
            Set<String> internal = internalTopics(applicationId);
            if (!internal.isEmpty()) {
                admin.deleteTopics(internal).all().get();
            }
            admin.deleteConsumerGroups(List.of(applicationId)).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw failure("delete the internal topics and group of " + applicationId, e);
        }
    }

    private Set<String> repartitionTopics(String groupId) {
        return internalTopics(groupId).stream().filter(name -> name.endsWith("-repartition"))
                .collect(Collectors.toSet());
    }

    private Set<TopicPartition> partitionsOf(Set<String> topics) {
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
            return descriptions.values().stream().flatMap(description -> description.partitions().stream()
                    .map(info -> new TopicPartition(description.name(), info.partition()))).collect(Collectors.toSet());
        } catch (InterruptedException | ExecutionException e) {
            throw failure("describe " + topics, e);
        }
    }

    private static BenchmarkException failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        return new BenchmarkException("Could not " + what + ": " + cause.getMessage()
                + ". Is the broker still running?", cause);
    }
}
