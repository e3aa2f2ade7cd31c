package org.pharmamaturity.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class GroupProgressTest {

    private static final TopicPartition P0 = new TopicPartition("factory.production.count", 0);
    private static final TopicPartition P1 = new TopicPartition("factory.production.count", 1);
    private static final TopicPartition P2 = new TopicPartition("quality.event", 0);

    @Test
    void lagIsTheRecordsBetweenCommittedAndEndSummedOverPartitions() {
        // P0: 100 - 90 = 10; P1: nothing committed, 5 - 0 = 5; P2: committed at its end, 0
        assertThat(GroupProgress.lag(Map.of(P0, 100L, P1, 5L, P2, 7L), Map.of(P0, 90L, P2, 7L))).isEqualTo(15);
    }

    @Test
    void aCommitPastTheReadEndCountsAsNoLag() {
        // the end offsets were read before a commit that went past them: 40 - 42 counts as 0, not -2
        assertThat(GroupProgress.lag(Map.of(P0, 40L), Map.of(P0, 42L))).isZero();
    }
}
