package org.pharmamaturity.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.pharmamaturity.embedded.EmbeddedStackException;
import org.pharmamaturity.schemas.Topic;

/** Creates every topic of {@link Topic#all()} with its partitions and cleanup policy, keeping topics that exist. */
final class TopicProvisioner {

    /** One broker: every topic has a single replica. */
    private static final short REPLICATION_FACTOR = 1;

    private TopicProvisioner() {
    }

    /** Creates the missing topics and returns the names of those it created (the others existed already). */
    static List<String> createMissing(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?> topic : Topic.all()) {
                if (!existing.contains(topic.name())) {
                    missing.add(topic.newTopic(REPLICATION_FACTOR));
                }
            }
            admin.createTopics(missing).all().get();
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            throw new EmbeddedStackException("Could not create the pipeline's topics on " + bootstrapServers + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStackException("Interrupted while creating topics on " + bootstrapServers, e);
        }
    }
}
