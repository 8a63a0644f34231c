package org.syncline.distribution.internal.ui.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.syncline.core.SynclineException;
import org.syncline.distribution.OutboxEntry;
import org.syncline.distribution.client.OutboxClient;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * The alert outbox of one master as the workbench follows it (admins): every entry, read once per connection
 * and then kept by the master's outbox pushes. One per server. UI thread only, except the network work inside
 * its background jobs.
 */
public final class LiveOutbox {
    /** What views hear; every call comes on the UI thread. */
    public interface Listener {
        /** The entries were (re)read or one changed, or {@link LiveOutbox#problem()} changed. */
        void outboxChanged();
    }

    /** Work on the master, off the UI thread. */
    public interface Work<T> {
        T on(OutboxClient client);
    }

    private static final Map<String, LiveOutbox> ALL = new HashMap<>();

    private final ConnectedServer server;
    private final UiRunner ui = UiRunner.forWorkbench();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, OutboxEntry> entries = new LinkedHashMap<>();
    private Object readOn;
    private String problem = "Reading the outbox...";

    private LiveOutbox(ConnectedServer server) {
        this.server = server;
    }

    /** The outbox of the server selected in the Servers view when it is connected, else null; moves {@code listener} over. */
    public static LiveOutbox follow(LiveOutbox current, Listener listener) {
        LiveOutbox next = Servers.selected().filter(ConnectedServer::isConnected)
                .map(s -> ALL.computeIfAbsent(s.label(), k -> new LiveOutbox(s))).orElse(null);
        if (next != current) {
            if (current != null) {
                current.listeners.remove(listener);
            }
            if (next != null && !next.listeners.contains(listener)) {
                next.listeners.add(listener);
            }
        }
        if (next != null) {
            next.start();
        }
        return next;
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    public ConnectedServer server() {
        return server;
    }

    /** Null when the entries are shown; else why not (not connected, not an admin, not a master, still reading). */
    public String problem() {
        return problem;
    }

    /** Every entry the master keeps, newest first. */
    public List<OutboxEntry> entries() {
        List<OutboxEntry> out = new ArrayList<>(entries.values());
        out.sort((a, b) -> Long.compare(b.id(), a.id()));
        return out;
    }

    private OutboxClient client() {
        return server.client(OutboxClient.class, c -> {
            OutboxClient client = new OutboxClient(c);
            client.watch(e -> ui.execute(() -> changed(e)));
            return client;
        });
    }

    /** Reads the entries on the current connection (once per connection); safe to call on every change of the connections. */
    public void start() {
        if (!server.isConnected()) {
            readOn = null;
            settle("Not connected to " + server.label() + ".", List.of());
            return;
        }
        background("Read the outbox of " + server.label(), c -> c, c -> {
            if (c != readOn) {
                reload();
            }
        }, this::refused);
    }

    /** Reads every entry again (F5). */
    public void reload() {
        background("Read the outbox of " + server.label(), c -> new Object[] { c, c.entries(true) }, read -> {
            readOn = read[0];
            @SuppressWarnings("unchecked")
            List<OutboxEntry> list = (List<OutboxEntry>) read[1];
            settle(null, list);
        }, this::refused);
    }

    private void refused(String why) {
        settle(server.label() + " shows no outbox: " + why, List.of());
    }

    private void settle(String why, List<OutboxEntry> read) {
        problem = why;
        entries.clear();
        read.forEach(e -> entries.put(e.id(), e));
        listeners.forEach(Listener::outboxChanged);
    }

    /** A pushed entry, or the answer to Retry now / Discard. */
    void changed(OutboxEntry e) {
        if (problem != null) {
            return;
        }
        entries.put(e.id(), e);
        listeners.forEach(Listener::outboxChanged);
    }

    /**
     * Runs {@code work} on the master in a background job; {@code done} gets its result on the UI thread, or
     * {@code failed} the master's sentence.
     */
    public <T> void background(String what, Work<T> work, Consumer<T> done, Consumer<String> failed) {
        Job.createSystem(what, monitor -> {
            try {
                T result = work.on(client());
                ui.execute(() -> done.accept(result));
            } catch (SynclineException e) {
                ui.execute(() -> failed.accept(e.getMessage()));
            }
            return Status.OK_STATUS;
        }).schedule();
    }
}
