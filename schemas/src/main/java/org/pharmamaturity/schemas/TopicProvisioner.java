package org.pharmamaturity.schemas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that do not exist yet, leaving existing ones as they are. The service, the producers and the
 * local run all call it, so a fresh cluster works without a set-up step and every topic gets the partitions,
 * cleanup policy and retention {@link Topic} gives it.
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
        return createMissing(adminSettings, Topic.all().stream().map(topic -> topic.newTopic(replicationFactor)).toList());
    }

    /**
     * Creates those of {@code topics} the cluster does not have yet; a topic another client creates meanwhile
     * counts as there.
     *
     * @return the names of the topics created
     * @throws TopicProvisioningException when the cluster cannot be reached or refuses a topic
     */
    public static List<String> createMissing(Map<String, Object> adminSettings, Collection<NewTopic> topics) {
        Object cluster = adminSettings.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(adminSettings)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name())).toList();
            List<String> created = new ArrayList<>();
            if (missing.isEmpty()) {
                return created;
            }
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    created.add(result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new TopicProvisioningException("Could not create topic " + result.getKey() + " on "
                                + cluster + ": " + e.getCause() + ". Create it by hand or give this client the right"
                                + " to create topics.", e.getCause());
                    }
                }
            }
            LOG.info("Created topics {} on {}", created, cluster);
            return created;
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new TopicProvisioningException("Could not list or create the topics on " + cluster + " (" + cause
                    + "). Check bootstrap.servers and the security settings.", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("Interrupted while creating topics on " + cluster, e);
        }
    }
}
