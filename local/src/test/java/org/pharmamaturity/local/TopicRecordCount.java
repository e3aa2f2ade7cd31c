package org.pharmamaturity.local;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** How many records a topic holds (the sum of its partitions' end offsets), as the tests of the local run count. */
final class TopicRecordCount {

    private TopicRecordCount() {
    }

    /** The count once it reaches {@code expected}, or the count after a minute; {@code adminSettings} connect. */
    static long await(Map<String, Object> adminSettings, String topic, long expected) throws Exception {
        try (Admin admin = Admin.create(adminSettings)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            long count = count(admin, topic);
            while (count < expected && System.nanoTime() < deadline) {
                Thread.sleep(250);
                count = count(admin, topic);
            }
            return count;
        }
    }

    private static long count(Admin admin, String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
    }
}
