package org.pharmamaturity.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.pharmamaturity.schemas.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics that do not exist yet, with the partitions, cleanup policy and retention
 * {@link Topic} gives them; existing topics are left as they are.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 60;

    private TopicProvisioner() {
    }

    /**
     * Creates every missing topic of {@link Topic#all()}.
     *
     * @param adminSettings Kafka client settings (bootstrap.servers and any security settings)
     * @param replicationFactor empty for the broker's default
     * @return the names of the topics created
     */
    public static List<String> createMissing(Map<String, Object> adminSettings, Optional<Short> replicationFactor) {
        try (Admin admin = Admin.create(adminSettings)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?> topic : Topic.all()) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), Optional.of(topic.partitions()), replicationFactor)
                            .configs(topic.topicConfigs()));
                }
            }
            if (missing.isEmpty()) {
                return List.of();
            }
            List<String> created = new ArrayList<>();
            admin.createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    created.add(name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + name + ": " + e.getCause()
                                + ". Create it by hand or give the service's user the right to create topics.", e);
                    }
                } catch (InterruptedException | TimeoutException e) {
                    throw interrupted("creating topic " + name, e);
                }
            });
            LOG.info("Created topics {}", created);
            return created;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not list the topics at " + adminSettings.get("bootstrap.servers")
                    + ": " + e.getCause() + ". Check bootstrap.servers and the security settings.", e);
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted("listing topics", e);
        }
    }

    private static IllegalStateException interrupted(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("Gave up " + what + " after " + TIMEOUT_SECONDS + " s (" + e
                + "); is the broker reachable?", e);
    }
}
