package org.pharmamaturity.embedded;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Stops a child process together with every process it started, politely first and forcibly after a grace period. */
public final class ProcessTree {

    private ProcessTree() {
    }

    /** Sends SIGTERM to the process and its descendants, waits up to {@code grace}, then kills what is left. */
    public static void destroy(ProcessHandle root, Duration grace) {
        // Descendants first: once the root is gone its children are re-parented and no longer found through it.
        List<ProcessHandle> tree = root.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        root.destroy();
        awaitExit(tree, root, grace);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (root.isAlive()) {
            root.destroyForcibly();
            awaitExit(List.of(), root, Duration.ofSeconds(10));
        }
    }

    private static void awaitExit(List<ProcessHandle> tree, ProcessHandle root, Duration grace) {
        CompletableFuture<?>[] exits = Stream.concat(tree.stream(), Stream.of(root))
                .map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Whatever is still alive is killed by the caller.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for process " + root.pid() + " to exit failed", e);
        }
    }
}
