package org.syncline.distribution.internal.ui.jobs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.internal.ui.ViewAction;
import org.syncline.distribution.routing.Hop;
import org.syncline.distribution.routing.RoutePlan;
import org.syncline.distribution.client.JobsClient;
import org.syncline.ui.Formats;
import org.syncline.ui.ColumnTable;
import org.syncline.ui.LiveList;
import org.syncline.ui.LiveTableView;

/**
 * The jobs of the connected master: name, enabled, source, targets, trigger and the last run. New, Edit,
 * Remove, Enable / Disable, Run Now (optionally of one path), Recover Now (the targets the job is out of date on:
 * how a job with the manual recovery policy is caught up) and Show Plan from the toolbar, the context menu
 * (Shift+F10) or keys: Insert, Enter, Delete, Space, F9, Shift+F9, Ctrl+F9, Ctrl+Shift+P, F5. Job pushes keep it
 * current; selecting a job shows its log in the Job Log view and its planned tree in the topology editor.
 */
public final class JobsView extends LiveTableView<Job, LiveJobs> implements LiveJobs.Listener {
    public static final String ID = "org.syncline.distribution.ui.views.jobs";

    private final Map<String, JobRun> lastRuns = new HashMap<>();
    private String lastProblem;
    private Action newJob;
    private Action edit;
    private Action remove;
    private Action enable;
    private Action run;
    private Action recover;
    private Action runPath;
    private Action plan;
    private Action refresh;

    @Override
    protected ColumnTable<Job> createTable(Composite parent) {
        return new ColumnTable<>(parent, List.of(
                ColumnTable.Column.text("Name", 110, Job::name),
                ColumnTable.Column.text("Enabled", 60, j -> j.enabled() ? "yes" : "no"),
                ColumnTable.Column.text("Source", 130, j -> j.source() + (j.sourcePaths().isEmpty() ? "" : ":" + String.join(", ", j.sourcePaths()))),
                ColumnTable.Column.text("Targets", 180, j -> j.targets().stream().map(t -> t.describe()).collect(Collectors.joining(", "))),
                ColumnTable.Column.text("Trigger", 110, Job::describeTrigger),
                ColumnTable.Column.text("Last run", 190, this::lastRun)), 0, true, Job::id);
    }

    @Override
    protected void createActions() {
        table().viewer().addDoubleClickListener(e -> edit());
        newJob = ViewAction.of("&New Job...", "New job (Insert)", "new", this::newJob);
        edit = ViewAction.of("&Edit...", "Edit the job (Enter)", "rename", this::edit);
        remove = ViewAction.of("&Remove...", "Remove the job (Delete)", "delete", this::remove);
        enable = ViewAction.of("Ena&ble / Disable", "Enable or disable the job (Space)", "pause", this::toggle);
        run = ViewAction.of("R&un Now", "Run the whole job now (F9)", "run", () -> runNow(null));
        runPath = ViewAction.of("Run &Path...", "Run one file or directory of the source now (Shift+F9)", "run", this::askPathAndRun);
        recover = ViewAction.of("Re&cover Now", "Catch the job up now on the targets it is out of date on (Ctrl+F9)", "restore", this::recoverNow);
        plan = ViewAction.of("Show &Plan", "The tree a run would take now (Ctrl+Shift+P)", "topology", this::showPlan);
        refresh = ViewAction.of("Re&fresh", "Read the jobs again (F5)", "refresh", this::refresh);
        IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
        for (Action a : List.of(newJob, edit, remove, enable, run, plan, refresh)) {
            bar.add(a);
        }
        MenuManager menu = new MenuManager();
        menu.add(newJob);
        menu.add(edit);
        menu.add(remove);
        menu.add(new Separator());
        menu.add(enable);
        menu.add(run);
        menu.add(runPath);
        menu.add(recover);
        menu.add(plan);
        menu.add(new Separator());
        menu.add(refresh);
        table().viewer().getControl().setMenu(menu.createContextMenu(table().viewer().getControl()));
    }

    @Override
    protected void key(Event e) {
        boolean shift = (e.stateMask & SWT.SHIFT) != 0;
        boolean ctrl = (e.stateMask & SWT.MOD1) != 0;
        if (e.keyCode == SWT.INSERT) {
            newJob();
        } else if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR || e.keyCode == SWT.F2) {
            edit();
        } else if (e.keyCode == SWT.DEL) {
            remove();
        } else if (e.character == ' ') {
            toggle();
        } else if (e.keyCode == SWT.F9) {
            if (ctrl) {
                recoverNow();
            } else if (shift) {
                askPathAndRun();
            } else {
                runNow(null);
            }
        } else if (ctrl && shift && (e.keyCode == 'p' || e.keyCode == 'P')) {
            showPlan();
        } else if (e.keyCode == SWT.F5) {
            refresh();
        } else {
            return;
        }
        e.doit = false;
    }

    @Override
    protected void updateActions() {
        boolean one = selected() != null;
        boolean connected = live() != null && live().problem() == null;
        newJob.setEnabled(connected);
        for (Action a : List.of(edit, remove, enable, run, runPath, recover, plan)) {
            a.setEnabled(connected && one);
        }
        refresh.setEnabled(live() != null);
        Job j = selected();
        enable.setText(j != null && j.enabled() ? "Disa&ble" : "Ena&ble");
    }

    @Override
    protected LiveJobs follow(LiveJobs current) {
        return LiveJobs.follow(current, this);
    }

    @Override
    public void jobsChanged() {
        listChanged();
    }

    @Override
    protected void showList() {
        LiveJobs live = live();
        String why = live == null ? "Connect to a server with the master role (File > Connect to Server...) to see its replication jobs." : live.problem();
        if (why == null && live.jobs().isEmpty()) {
            why = "No jobs on " + live.server().label() + " yet. Define one with New Job (Insert, or the toolbar); admins and holders of the distribution-manage right may.";
        }
        List<Job> jobs = live == null ? List.of() : live.jobs();
        show(why, jobs, () -> jobs.size() + " job(s) on " + live.server().label());
        if (live != null && live.problem() == null && !java.util.Objects.equals(lastProblem, "read")) {
            lastProblem = "read";
            readLastRuns(jobs);
        } else if (live == null || live.problem() != null) {
            lastProblem = null;
        }
    }

    /** The newest run of each job, read once when the list is read; run answers and pushes keep them after. */
    private void readLastRuns(List<Job> jobs) {
        LiveJobs from = live();
        from.background("Read the last runs", c -> {
            Map<String, JobRun> read = new HashMap<>();
            for (Job j : jobs) {
                c.log(j.name(), 1).stream().findFirst().ifPresent(r -> read.put(j.name(), r));
            }
            return read;
        }, read -> {
            lastRuns.putAll(read);
            table().viewer().refresh();
        }, why -> setContentDescription("The last runs could not be read: " + why));
    }

    @Override
    public void runChanged(JobRun r) {
        JobRun known = lastRuns.get(r.job());
        if (known == null || known.id() < r.id() || known.id() == r.id() && !(known.finished() && !r.finished())) {
            lastRuns.put(r.job(), r);
            if (!table().viewer().getControl().isDisposed()) {
                table().viewer().refresh();
            }
        }
    }

    private String lastRun(Job j) {
        JobRun r = lastRuns.get(j.name());
        return r == null ? "never run" : r.state() + ", " + Formats.time(r.started());
    }

    private Job selected() {
        return table().selected();
    }

    // --- actions

    public void newJob() {
        if (live() != null && live().problem() == null) {
            jobDialog(null).open();
        }
    }

    public void edit() {
        Job j = selected();
        if (j != null) {
            jobDialog(j).open();
        }
    }

    /** The dialog that creates a job ({@code base} null) or changes {@code base} on the connected master. */
    public JobDialog jobDialog(Job base) {
        LiveJobs on = live();
        return new JobDialog(getSite().getShell(), base, job -> {
            Job stored = base == null ? on.client().create(job) : on.client().update(base.name(), job);
            if (base == null && !job.enabled() && stored.enabled()) {
                stored = on.client().disable(stored.name());
            }
            return stored;
        });
    }

    public void remove() {
        Job j = selected();
        if (j != null && MessageDialog.openConfirm(getSite().getShell(), "Remove Job",
                "Remove job '" + j.name() + "'? Its runs stay in the log of the master, the files on the targets stay where they are.")) {
            act("Remove " + j.name(), c -> c.remove(j.name()));
        }
    }

    public void toggle() {
        Job j = selected();
        if (j != null) {
            act((j.enabled() ? "Disable " : "Enable ") + j.name(), c -> j.enabled() ? c.disable(j.name()) : c.enable(j.name()));
        }
    }

    private void act(String what, LiveList.Work<JobsClient, Job> work) {
        live().background(what, work, done -> { }, why -> MessageDialog.openError(getSite().getShell(), what, why));
    }

    private void askPathAndRun() {
        Job j = selected();
        if (j == null) {
            return;
        }
        InputDialog ask = new InputDialog(getSite().getShell(), "Run a Path", "Run '" + j.name() + "' for one file or directory on " + j.source()
                + " (relative to its distribution root):", j.sourcePaths().isEmpty() ? "" : j.sourcePaths().get(0) + "/", v -> v.isBlank()
                        ? "Give a path; Run Now (F9) runs the whole job." : null);
        if (ask.open() == Window.OK) {
            runNow(ask.getValue().trim());
        }
    }

    /** Starts a run of the selected job now, of one path or ({@code path} null) the whole job. */
    public void runNow(String path) {
        Job j = selected();
        if (j == null) {
            return;
        }
        LiveJobs on = live();
        on.background("Run " + j.name(), c -> c.run(j.name(), path), r -> {
            setContentDescription("Run " + r.id() + " of " + j.name() + " started.");
            on.ran(r);
        }, why -> MessageDialog.openError(getSite().getShell(), "Could not run " + j.name(), why));
    }

    /** Starts a recovery run of the selected job: the targets it is out of date on, now (the master refuses when none is). */
    public void recoverNow() {
        Job j = selected();
        if (j == null) {
            return;
        }
        LiveJobs on = live();
        on.background("Recover " + j.name(), c -> c.recover(j.name()), r -> {
            setContentDescription("Recovery run " + r.id() + " of " + j.name() + " started.");
            on.ran(r);
        }, why -> MessageDialog.openError(getSite().getShell(), "Could not recover " + j.name(), why));
    }

    public void showPlan() {
        Job j = selected();
        if (j == null) {
            return;
        }
        live().background("Plan " + j.name(), c -> c.plan(j.name()), p -> MessageDialog.openInformation(getSite().getShell(), "Plan of " + j.name(),
                describe(p)), why -> MessageDialog.openError(getSite().getShell(), "No plan for " + j.name(), why));
    }

    static String describe(RoutePlan p) {
        StringBuilder b = new StringBuilder("A run now would start at " + p.source() + " and take these hops, in order:\n");
        for (Hop h : p.hops()) {
            b.append("\n  ").append(h.from()).append(" \u2192 ").append(h.to()).append("   (").append(h.mode()).append(", level ")
                    .append(h.compression()).append(h.bandwidthLimit() > 0 ? ", cap " + Formats.size(h.bandwidthLimit()) + "/s" : "").append(')');
        }
        if (p.hops().isEmpty()) {
            b.append("\n  (none: no target is live)");
        }
        if (!p.leftOut().isEmpty()) {
            b.append("\n\nLeft out (not live now, caught up later): ").append(String.join(", ", p.leftOut()));
        }
        return b.toString();
    }

    public void refresh() {
        if (live() != null) {
            lastProblem = null;
            live().reload();
        }
    }

    // --- for tests

    /** The name of the selected job, or null. */
    public String selectedName() {
        Job j = selected();
        return j == null ? null : j.name();
    }

    /** Selects the job named {@code name} (as a click would); false when it is not listed. */
    public boolean select(String name) {
        return table().rows().stream().filter(j -> j.name().equals(name)).findFirst().map(j -> table().select(j.id())).orElse(false);
    }

    public void sortBy(int column) {
        table().sortBy(column);
    }
}
