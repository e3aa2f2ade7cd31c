package org.pharmamaturity.producers;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.TopicProvisioner;
import org.pharmamaturity.schemas.TopicProvisioningException;

/**
 * Creates the topics a command writes to when they are missing, with the partitions and configs of
 * {@link Topic} and the broker's default replication factor, so a fresh cluster works without a setup step.
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** Creates those of the pipeline's {@code topics} the cluster does not have yet. */
    public static void ensure(ProducerSettings settings, List<Topic<?>> topics) {
        ensureTopics(settings, topics.stream().map(TopicSetup::newTopic).toList());
    }

    /** The topic as {@link Topic} describes it, with the broker's default replication factor. */
    public static NewTopic newTopic(Topic<?> topic) {
        return topic.newTopic(Optional.empty());
    }

    /** Creates those of {@code topics} the cluster does not have yet and returns their names. */
    public static List<String> ensureTopics(ProducerSettings settings, List<NewTopic> topics) {
        try {
            return TopicProvisioner.createMissing(settings.adminConfigs(), topics);
        } catch (TopicProvisioningException e) {
            throw new ProducersException(e.getMessage() + " (bootstrap servers come from --bootstrap-servers, security"
                    + " settings from --producer-config)", e);
        }
    }
}
