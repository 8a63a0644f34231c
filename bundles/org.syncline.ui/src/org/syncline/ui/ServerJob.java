package org.syncline.ui;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.syncline.core.SynclineException;

/**
 * Work against a server that a view starts: runs as a Job in the Progress view, cancellable, and a
 * failure reaches the user as a dialog with its code and sentence and the Error Log with the details.
 */
public final class ServerJob {
    /** The work; it should check {@code monitor.isCanceled()} between steps. */
    @FunctionalInterface
    public interface Work {
        void run(IProgressMonitor monitor) throws SynclineException;
    }

    /** The family of every job started here, so tests and views can wait for them. */
    public static final Object FAMILY = ServerJob.class;

    private ServerJob() {
    }

    public static Job schedule(String name, Work work) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    work.run(monitor);
                    return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
                } catch (SynclineException e) {
                    ErrorReporter.report(name + " failed", e);
                    return Status.OK_STATUS; // reported once, by ErrorReporter
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }
}
