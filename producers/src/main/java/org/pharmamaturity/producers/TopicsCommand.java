package org.pharmamaturity.producers;

import java.util.List;
import java.util.concurrent.Callable;

import org.pharmamaturity.schemas.Topic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code producers topics}: creates every topic of the pipeline that the cluster lacks, with the partitions and
 * compaction of {@link Topic}; the one-shot topic creation step of docker-compose.yml.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create every topic of the pipeline that the cluster does not have yet (inputs, outputs, dead letters), then exit.")
public final class TopicsCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> created = TopicSetup.ensureTopics(connection.settings(),
                Topic.all().stream().map(TopicSetup::newTopic).toList());
        spec.commandLine().getOut().println("created " + created.size() + " of " + Topic.all().size()
                + " topics" + (created.isEmpty() ? "" : ": " + String.join(", ", created)));
        return 0;
    }
}
