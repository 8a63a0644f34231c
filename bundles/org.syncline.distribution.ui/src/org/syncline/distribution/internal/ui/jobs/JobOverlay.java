package org.syncline.distribution.internal.ui.jobs;

import java.util.function.Consumer;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.internal.ui.diagram.RunOverlay;
import org.syncline.ui.ConnectedServer;

/**
 * What the topology editor draws over the diagram for the job selected in the Jobs view (the tree a run
 * would take now, from the master's plan) or the run selected in the Job Log view (the tree it took, each
 * target coloured by its state), following a running run of that job as its states change. Nothing selected
 * in the Jobs view: no overlay.
 */
public final class JobOverlay implements LiveJobs.Listener {
    private final IWorkbenchPage page;
    private final LiveJobs live;
    private final Consumer<RunOverlay> show;
    private final ISelectionListener jobSelected = this::jobSelected;
    private final ISelectionListener runSelected = this::runSelected;
    private String job;
    private long run = -1;
    private int generation;

    /** Follows the selections of {@code page} for the jobs of {@code server}; {@code show} gets the overlay, null for none. */
    public JobOverlay(IWorkbenchPage page, ConnectedServer server, Consumer<RunOverlay> show) {
        this.page = page;
        this.live = LiveJobs.of(server);
        this.show = show;
        live.addListener(this);
        page.addPostSelectionListener(JobsView.ID, jobSelected);
        page.addPostSelectionListener(JobLogView.ID, runSelected);
        if (page.findView(JobsView.ID) instanceof JobsView view) {
            jobSelected(view, view.getSite().getSelectionProvider().getSelection());
        }
    }

    private void jobSelected(IWorkbenchPart part, ISelection s) {
        if (!(s instanceof IStructuredSelection ss) || !(ss.getFirstElement() instanceof Job j)) {
            job = null;
            run = -1;
            generation++;
            show.accept(null);
            return;
        }
        if (!j.name().equals(job)) {
            showPlan(j.name()); // the same job again (the list refreshed its row): the run shown stays
        }
    }

    private void showPlan(String name) {
        job = name;
        run = -1;
        int mine = ++generation;
        live.background("Plan " + name, c -> c.plan(name), plan -> {
            if (mine == generation) {
                show.accept(RunOverlay.of("the tree a run of '" + name + "' would take now", plan));
            }
        }, why -> {
            if (mine == generation) {
                show.accept(null);
            }
        });
    }

    private void runSelected(IWorkbenchPart part, ISelection s) {
        // the Job Log view selects a run of its own accord when it shows a job: only a user's choice there counts
        if (part != page.getActivePart() || !(s instanceof IStructuredSelection ss) || !(ss.getFirstElement() instanceof JobRun r)) {
            return;
        }
        showRun(r);
    }

    private void showRun(JobRun r) {
        Job j = live.job(r.job());
        if (j == null) {
            return;
        }
        job = r.job();
        run = r.id();
        generation++;
        show.accept(RunOverlay.of("run #" + r.id() + " of '" + r.job() + "': " + r.state(), j.source(), r.targets()));
    }

    @Override
    public void runChanged(JobRun r) {
        // a run of the job shown starts or moves on: its targets' states replace the plan
        if (r.job().equals(job) && (r.id() == run || run == -1 && !r.finished() || r.id() > run && !r.finished())) {
            showRun(r);
        }
    }

    @Override
    public void jobsChanged() {
        if (job != null && live.job(job) == null) {
            job = null;
            generation++;
            show.accept(null); // the job was removed
        }
    }

    public void dispose() {
        live.removeListener(this);
        page.removePostSelectionListener(JobsView.ID, jobSelected);
        page.removePostSelectionListener(JobLogView.ID, runSelected);
    }
}
