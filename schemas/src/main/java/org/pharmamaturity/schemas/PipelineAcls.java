package org.pharmamaturity.schemas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least Kafka ACLs each principal of a deployment needs, on a broker that denies whatever no ACL allows (the
 * docs/operations.md, "Deploying securely" gives the same as {@code kafka-acls} commands). Topics are created beforehand by an
 * administrator (the producers' {@code topics} command), so no principal here may create pipeline topics.
 *
 * <p>Kafka ACLs name topics, groups and transactional ids, literally or by prefix; they cannot limit a producer to
 * some keys of a topic, so they cannot keep one enterprise's producer from writing another enterprise's records.
 */
public final class PipelineAcls {

    private static final String ANY_HOST = "*";

    private PipelineAcls() {
    }

    /**
     * The streams service running as {@code principal} (e.g. {@code User:maturity-service}) with
     * {@code application.id} {@code applicationId}: it reads the inputs, writes the outputs, writes the
     * self-assessments and scenario declarations the API accepted, reads maturity.sector back (the global store of
     * the sectors' benchmarks for the tier gates), and owns everything named after its application id (prefixed): internal repartition and
     * changelog topics, the consumer groups of the pipeline and of the reference audit, and the transactional ids
     * of exactly_once_v2.
     */
    public static List<AclBinding> service(String principal, String applicationId) {
        List<AclBinding> acls = new ArrayList<>();
        Topic.inputs().forEach(topic -> acls.add(topic(principal, topic, AclOperation.READ)));
        acls.add(topic(principal, Topic.ASSESSMENT_SELF_SUBMITTED, AclOperation.WRITE));
        acls.add(topic(principal, Topic.ASSESSMENT_SCENARIOS_DECLARED, AclOperation.WRITE));
        acls.add(topic(principal, Topic.MATURITY_SECTOR, AclOperation.READ));
        Topic.outputs().forEach(topic -> acls.add(topic(principal, topic, AclOperation.WRITE)));
        acls.add(allow(principal, new ResourcePattern(ResourceType.TOPIC, applicationId, PatternType.PREFIXED),
                AclOperation.ALL));
        acls.add(allow(principal, new ResourcePattern(ResourceType.GROUP, applicationId, PatternType.PREFIXED),
                AclOperation.READ));
        ResourcePattern transactionalIds = new ResourcePattern(ResourceType.TRANSACTIONAL_ID, applicationId,
                PatternType.PREFIXED);
        acls.add(allow(principal, transactionalIds, AclOperation.WRITE));
        acls.add(allow(principal, transactionalIds, AclOperation.DESCRIBE));
        return acls;
    }

    /**
     * A producer running as {@code principal} that may write {@code topics} and nothing else (its idempotent
     * producer needs no more since Kafka 3.0); it can neither read them nor write any other topic.
     */
    public static List<AclBinding> producer(String principal, Collection<Topic<?>> topics) {
        return topics.stream().map(topic -> topic(principal, topic, AclOperation.WRITE)).toList();
    }

    private static AclBinding topic(String principal, Topic<?> topic, AclOperation operation) {
        return allow(principal, new ResourcePattern(ResourceType.TOPIC, topic.name(), PatternType.LITERAL), operation);
    }

    private static AclBinding allow(String principal, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry(principal, ANY_HOST, operation, AclPermissionType.ALLOW));
    }
}
