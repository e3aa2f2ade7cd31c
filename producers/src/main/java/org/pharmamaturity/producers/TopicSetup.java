package org.pharmamaturity.producers;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.pharmamaturity.schemas.Topic;

/**
 * Creates the topics a command writes to when they are missing, with the partitions and configs of
 * {@link Topic} and the broker's default replication factor, so a fresh cluster works without a setup step.
 */
public final class TopicSetup {

    private static final long TIMEOUT_SECONDS = 30;

    private TopicSetup() {
    }

    /** Creates those of the pipeline's {@code topics} the cluster does not have yet. */
    public static void ensure(ProducerSettings settings, List<Topic<?>> topics) {
        ensureTopics(settings, topics.stream().map(TopicSetup::newTopic).toList());
    }

    /** The topic as {@link Topic} describes it, with the broker's default replication factor. */
    public static NewTopic newTopic(Topic<?> topic) {
        return new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty()).configs(topic.topicConfigs());
    }

    /** Creates those of {@code topics} the cluster does not have yet. */
    public static void ensureTopics(ProducerSettings settings, List<NewTopic> topics) {
        try (Admin admin = Admin.create(settings.adminConfigs())) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return; // another producer created it in the meantime: what we wanted
            }
            throw unreachable(settings, e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProducersException("Interrupted while creating topics on " + settings.bootstrapServers(), e);
        }
    }

    private static ProducersException unreachable(ProducerSettings settings, Throwable cause) {
        return new ProducersException("Cannot list or create topics on " + settings.bootstrapServers() + " ("
                + cause + "): check --bootstrap-servers and the security settings of --producer-config.", cause);
    }
}
