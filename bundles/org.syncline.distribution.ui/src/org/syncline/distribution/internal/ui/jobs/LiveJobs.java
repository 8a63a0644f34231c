package org.syncline.distribution.internal.ui.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.syncline.core.SynclineException;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobChange;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.client.JobsClient;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * The jobs of one master as the workbench follows them: the list (read once, then kept by the master's job
 * pushes) and the states of running runs (by the master's run pushes when it publishes them; else the views
 * read them again). One per server, shared by the Jobs and Job Log views and the topology editor's overlay.
 * UI thread only, except the network work inside its background jobs.
 */
public final class LiveJobs {
    /** What views hear; every call comes on the UI thread. */
    public interface Listener {
        /** The job list was (re)read or a job changed, or {@link LiveJobs#problem()} changed. */
        default void jobsChanged() {
        }

        /** A new state of a run: pushed by the master, or read again by a view. */
        default void runChanged(JobRun run) {
        }
    }

    /** Work on the master, off the UI thread. */
    public interface Work<T> {
        T on(JobsClient client);
    }

    private static final Map<String, LiveJobs> ALL = new HashMap<>();
    private static final int POLL_MILLIS = 1000;

    private final ConnectedServer server;
    private final UiRunner ui = UiRunner.forWorkbench();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Job> jobs = new LinkedHashMap<>();
    private Object readOn;
    private String problem = "Reading the jobs...";
    private boolean runPushes;
    private final java.util.Set<Long> polled = new java.util.HashSet<>();

    private LiveJobs(ConnectedServer server) {
        this.server = server;
    }

    public static LiveJobs of(ConnectedServer server) {
        return ALL.computeIfAbsent(server.label(), k -> new LiveJobs(server));
    }

    /** The jobs of the server selected in the Servers view when it is connected, else null; moves {@code listener} over. */
    public static LiveJobs follow(LiveJobs current, Listener listener) {
        LiveJobs next = Servers.selected().filter(ConnectedServer::isConnected).map(LiveJobs::of).orElse(null);
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

    /** Adds {@code l} and reads the list when it was not read on this connection. */
    public void addListener(Listener l) {
        if (!listeners.contains(l)) {
            listeners.add(l);
        }
        start();
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    public ConnectedServer server() {
        return server;
    }

    /** Null when the jobs are shown; else why not (not connected, not a master, still reading). */
    public String problem() {
        return problem;
    }

    /** Whether the master pushes run states (else views read running runs again until they end). */
    public boolean pushesRuns() {
        return runPushes;
    }

    /** The jobs by name. */
    public List<Job> jobs() {
        List<Job> out = new ArrayList<>(jobs.values());
        out.sort(Comparator.comparing(Job::name));
        return out;
    }

    public Job job(String name) {
        return jobs.values().stream().filter(j -> j.name().equals(name)).findFirst().orElse(null);
    }

    JobsClient client() {
        return server.client(JobsClient.class, c -> {
            JobsClient client = new JobsClient(c);
            client.watch(change -> ui.execute(() -> changed(change)));
            boolean pushes;
            try {
                client.watchRuns(run -> ui.execute(() -> ran(run)));
                pushes = true;
            } catch (SynclineException e) {
                pushes = false; // a master without run pushes: the views read running runs again
            }
            boolean published = pushes;
            ui.execute(() -> runPushes = published);
            return client;
        });
    }

    /** Reads the list on the current connection (once per connection); safe to call on every change of the connections. */
    public void start() {
        if (!server.isConnected()) {
            readOn = null;
            settle("Not connected to " + server.label() + ".", List.of());
            return;
        }
        background("Read the jobs of " + server.label(), c -> c, c -> {
            if (c != readOn) {
                reload();
            }
        }, why -> settle(server.label() + " shows no jobs: " + why, List.of()));
    }

    /** Reads the job list again (F5). */
    public void reload() {
        background("Read the jobs of " + server.label(), c -> new Object[] { c, c.list() }, read -> {
            readOn = read[0];
            @SuppressWarnings("unchecked")
            List<Job> list = (List<Job>) read[1];
            settle(null, list);
        }, why -> settle(server.label() + " shows no jobs: " + why, List.of()));
    }

    private void settle(String why, List<Job> read) {
        problem = why;
        jobs.clear();
        read.forEach(j -> jobs.put(j.id(), j));
        listeners.forEach(Listener::jobsChanged);
    }

    private void changed(JobChange change) {
        if ("removed".equals(change.change())) {
            jobs.remove(change.job().id());
        } else {
            jobs.put(change.job().id(), change.job());
        }
        listeners.forEach(Listener::jobsChanged);
    }

    /**
     * Hands a run's new state to every view (from a push, or the answer to Run Now). Without run pushes a
     * running run is read again every second until it ends, so the views follow it all the same.
     */
    void ran(JobRun run) {
        if (!run.finished() && !runPushes && polled.add(run.id())) {
            org.eclipse.swt.widgets.Display.getCurrent().timerExec(POLL_MILLIS, () -> background("Read run " + run.id(), c -> c.runInfo(run.id()), r -> {
                polled.remove(run.id());
                ran(r);
            }, why -> polled.remove(run.id())));
        }
        listeners.forEach(l -> l.runChanged(run));
    }

    /**
     * Runs {@code work} on the master in a background job; {@code done} gets its result on the UI thread, or
     * {@code failed} the master's sentence.
     */
    public <T> void background(String what, Work<T> work, Consumer<T> done, Consumer<String> failed) {
        org.eclipse.core.runtime.jobs.Job.createSystem(what, monitor -> {
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
