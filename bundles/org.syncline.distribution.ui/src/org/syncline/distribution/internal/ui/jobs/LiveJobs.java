package org.syncline.distribution.internal.ui.jobs;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.widgets.Display;
import org.syncline.core.SynclineException;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobChange;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.client.JobsClient;
import org.syncline.protocol.Connection;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.LiveList;

/**
 * The jobs of one master as the workbench follows them: the list (read once, then kept by the master's job
 * pushes) and the states of running runs (by the master's run pushes when it publishes them; else the views
 * read them again). One per server, shared by the Jobs and Job Log views and the topology editor's overlay.
 * UI thread only, except the network work inside its background jobs.
 */
public final class LiveJobs extends LiveList<JobsClient, Job, LiveJobs.Listener> {
    /** What views hear; every call comes on the UI thread. */
    public interface Listener {
        /** The job list was (re)read or a job changed, or {@link LiveJobs#problem()} changed. */
        default void jobsChanged() {
        }

        /** A new state of a run: pushed by the master, or read again by a view. */
        default void runChanged(JobRun run) {
        }
    }

    private static final Map<String, LiveJobs> ALL = new HashMap<>();
    private static final int POLL_MILLIS = 1000;

    private boolean runPushes;
    private final Set<Long> polled = new HashSet<>();

    private LiveJobs(ConnectedServer server) {
        super(server, JobsClient.class, "jobs");
    }

    public static LiveJobs of(ConnectedServer server) {
        return LiveList.kept(ALL, server, LiveJobs::new);
    }

    /** The jobs of the server selected in the Servers view when it is connected, else null; moves {@code listener} over. */
    public static LiveJobs follow(LiveJobs current, Listener listener) {
        return LiveList.follow(current, listener, LiveJobs::of);
    }

    /** Whether the master pushes run states (else views read running runs again until they end). */
    public boolean pushesRuns() {
        return runPushes;
    }

    /** The jobs by name. */
    public List<Job> jobs() {
        return rows();
    }

    public Job job(String name) {
        return rows().stream().filter(j -> j.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    protected JobsClient connect(Connection c) {
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
    }

    @Override
    protected List<Job> read(JobsClient client) {
        return client.list();
    }

    @Override
    protected Object key(Job job) {
        return job.id();
    }

    @Override
    protected Comparator<Job> order() {
        return Comparator.comparing(Job::name);
    }

    @Override
    protected void tell(Listener listener) {
        listener.jobsChanged();
    }

    private void changed(JobChange change) {
        if ("removed".equals(change.change())) {
            remove(change.job().id());
        } else {
            put(change.job());
        }
    }

    /**
     * Hands a run's new state to every view (from a push, or the answer to Run Now). Without run pushes a
     * running run is read again every second until it ends, so the views follow it all the same.
     */
    void ran(JobRun run) {
        if (!run.finished() && !runPushes && polled.add(run.id())) {
            Display.getCurrent().timerExec(POLL_MILLIS, () -> background("Read run " + run.id(), c -> c.runInfo(run.id()), r -> {
                polled.remove(run.id());
                ran(r);
            }, why -> polled.remove(run.id())));
        }
        listeners().forEach(l -> l.runChanged(run));
    }
}
