package org.pharmamaturity.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.pharmamaturity.embedded.ApicurioRegistry;
import org.pharmamaturity.embedded.EmbeddedStackException;
import org.pharmamaturity.embedded.RegistrySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker and schema registry that every test in a JVM shares: a one-node KRaft cluster from Kafka's test kit
 * and an Apicurio registry child process with in-memory storage, both on random loopback ports. Started on the
 * first call to {@link #shared()}. The registry process is stopped when the JVM exits; the broker lives in the JVM
 * and ends with it (closing it in a shutdown hook would race the test kit's own hook that deletes its data).
 *
 * <p>Tests must not assume an empty cluster or registry: other test classes in the same JVM use them too, so
 * each test uses its own topic names and subjects.
 */
public final class EmbeddedStack {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);
    private static EmbeddedStack shared;
    private static EmbeddedStackException startFailure;

    private final TestKitBroker broker;
    private final ApicurioRegistry registry;

    private EmbeddedStack(TestKitBroker broker, ApicurioRegistry registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /**
     * The stack of this JVM, started on first use (about 5 to 15 s).
     *
     * @throws EmbeddedStackException when it could not be started; later calls rethrow the same cause at once
     */
    public static synchronized EmbeddedStack shared() {
        if (startFailure != null) {
            throw new EmbeddedStackException("The embedded stack failed to start earlier in this JVM: "
                    + startFailure.getMessage(), startFailure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (EmbeddedStackException e) {
                startFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** {@code host:port} of the broker. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The Confluent-compatible registry API: {@code http://127.0.0.1:<port>/apis/ccompat/v7}. */
    public String registryUrl() {
        return registry.url();
    }

    /** The registry itself, for tests that stop and restart it (a restart loses its in-memory schemas). */
    public ApicurioRegistry registry() {
        return registry;
    }

    private static EmbeddedStack start() {
        ApicurioRegistry registry = new ApicurioRegistry(RegistrySettings.forTests());
        // The registry is a separate process: start it while the broker starts in this JVM.
        CompletableFuture<Void> registryReady = CompletableFuture.runAsync(registry::start);
        TestKitBroker broker;
        try {
            broker = TestKitBroker.start();
        } catch (EmbeddedStackException e) {
            registryReady.cancel(false);
            registry.stop();
            throw e;
        }
        try {
            registryReady.join();
        } catch (CompletionException e) {
            broker.close();
            throw e.getCause() instanceof EmbeddedStackException cause ? cause
                    : new EmbeddedStackException("The embedded registry did not start: " + e.getCause(), e.getCause());
        }
        LOG.info("Embedded stack ready: Kafka at {}, registry at {}", broker.bootstrapServers(), registry.url());
        return new EmbeddedStack(broker, registry);
    }
}
