package org.syncline.documents.internal.server;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.syncline.core.SynclineException;

/**
 * Runs each storage node's queued blob deletions on a thread of their own, one run per node at a time. A request while
 * a run goes is answered by the next run, one for every request that came meanwhile, which starts when the current
 * one ends and so sees every queue row committed before its requests. Twenty documents deleted at once make two
 * runs, not twenty walks of the same queue against the same node; and a node that takes a minute to fail (dying
 * while the registry connects to it) holds up only its own queue, never the users' deletions.
 */
final class DeletionRuns {
    private static final Logger LOG = Logger.getLogger(DeletionRuns.class.getName());

    private final Consumer<String> run;
    /** Per node, the run going now and the one requested to follow it; a node is absent when none runs. Guarded by this. */
    private final Map<String, Runs> nodes = new HashMap<>();

    private static final class Runs {
        CompletableFuture<Void> current;
        CompletableFuture<Void> next;
    }

    /** @param run runs the queued deletions of the node it is given, stopping at the first that fails */
    DeletionRuns(Consumer<String> run) {
        this.run = run;
    }

    /**
     * Asks for a run of {@code node}'s queue that starts after this call; the future completes when it has ended, normally
     * even when it failed (the failure is logged and the rows stay queued for the node's next return).
     */
    synchronized CompletableFuture<Void> request(String node) {
        Runs r = nodes.get(node);
        if (r == null) {
            r = new Runs();
            r.current = new CompletableFuture<>();
            nodes.put(node, r);
            CompletableFuture<Void> first = r.current;
            Thread.ofVirtual().name("docs-deletions-" + node).start(() -> loop(node, first));
            return first;
        }
        if (r.next == null) {
            r.next = new CompletableFuture<>();
        }
        return r.next;
    }

    private void loop(String node, CompletableFuture<Void> first) {
        CompletableFuture<Void> done = first;
        while (done != null) {
            try {
                run.accept(node);
            } catch (SynclineException e) {
                LOG.warning(() -> "Deleting the blobs queued for '" + node + "' stopped: " + e.getMessage()
                        + "; the rest stay queued until the node next says hello");
            } finally {
                done.complete(null);
            }
            synchronized (this) {
                Runs r = nodes.get(node);
                done = r.next;
                r.current = done;
                r.next = null;
                if (done == null) {
                    nodes.remove(node);
                }
            }
        }
    }
}
