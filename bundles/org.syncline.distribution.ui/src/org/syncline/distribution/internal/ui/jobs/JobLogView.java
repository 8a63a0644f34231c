package org.syncline.distribution.internal.ui.jobs;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.RunFile;
import org.syncline.distribution.RunTarget;
import org.syncline.ui.Formats;
import org.syncline.ui.ColumnTable;
import org.syncline.ui.NotePane;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * The runs of the job selected in the Jobs view, newest first (started, trigger, by, state, duration, files
 * created / updated / deleted, content against wire bytes and what that saved, the bytes of the agents' scan
 * answers); below, for the selected run,
 * each target's result, each file's report (a virtual table: a run of 100,000 files shows at once) and a
 * chart of the job's last runs. Run states come by push when the master sends them, else they are read again
 * until the run ends; F5 reads everything again.
 */
public final class JobLogView extends ViewPart implements LiveJobs.Listener {
    public static final String ID = "org.syncline.distribution.ui.views.jobLog";
    static final int[] LIMITS = { 20, 50, 100, 500 };

    private UiRunner ui;
    private NotePane pane;
    private Composite content;
    private Combo limit;
    private ColumnTable<JobRun> runs;
    private ColumnTable<RunTarget> targets;
    private ColumnTable<RunFile> files;
    private TabFolder tabs;
    private RunChart chart;
    private Label filesNote;
    private LiveJobs live;
    private String job;
    private long filesOf = -1;
    private int generation;
    private final ISelectionListener selectionListener = this::selectionChanged;
    private final Runnable serversChanged = () -> ui.execute(this::serverMaybeChanged);

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        GridLayoutFactory.fillDefaults().applyTo(parent);
        pane = new NotePane(parent);
        content = new Composite(pane.area(), SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(2, 2).applyTo(content);
        Composite bar = new Composite(content, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(bar);
        Label l = new Label(bar, SWT.NONE);
        l.setText("&Show the last:");
        limit = new Combo(bar, SWT.READ_ONLY);
        for (int n : LIMITS) {
            limit.add(n + " runs");
        }
        limit.select(0);
        limit.addListener(SWT.Selection, e -> reload());

        SashForm sash = new SashForm(content, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        runs = new ColumnTable<>(sash, List.of(
                ColumnTable.Column.number("Run", 45, r -> "#" + r.id(), JobRun::id),
                ColumnTable.Column.number("Started", 130, r -> Formats.time(r.started()), r -> r.started().toEpochMilli()),
                ColumnTable.Column.text("Trigger", 65, r -> r.trigger() + (r.path().isEmpty() ? "" : " " + r.path())),
                ColumnTable.Column.text("By", 55, JobRun::by),
                ColumnTable.Column.text("State", 55, JobRun::state),
                ColumnTable.Column.number("Took", 65, RunFormat::duration, RunFormat::millis),
                ColumnTable.Column.number("Files", 80, RunFormat::files, r -> r.filesCreated() + r.filesUpdated() + r.filesDeleted()),
                ColumnTable.Column.number("Content", 70, r -> Formats.size(r.contentBytes()), JobRun::contentBytes),
                ColumnTable.Column.number("Wire", 80, r -> Formats.size(r.wireBytes()), JobRun::wireBytes),
                ColumnTable.Column.number("Saved", 55, r -> RunFormat.saving(r.contentBytes(), r.wireBytes()), r -> r.contentBytes() - r.wireBytes()),
                ColumnTable.Column.number("Scan", 60, r -> r.scans() == 0 ? "-" : Formats.size(r.scanBytes()), JobRun::scanBytes),
                ColumnTable.Column.text("Error", 200, JobRun::error)), 0, false, JobRun::id);
        runs.viewer().addSelectionChangedListener(e -> runSelected());
        runs.viewer().getControl().addListener(SWT.KeyDown, this::key);

        tabs = new TabFolder(sash, SWT.TOP);
        targets = new ColumnTable<>(tabs, List.of(
                ColumnTable.Column.text("Target", 110, RunTarget::server),
                ColumnTable.Column.text("From", 110, RunTarget::from),
                ColumnTable.Column.text("State", 80, RunTarget::state),
                ColumnTable.Column.number("Files", 60, t -> Long.toString(t.files()), RunTarget::files),
                ColumnTable.Column.number("Content", 80, t -> Formats.size(t.contentBytes()), RunTarget::contentBytes),
                ColumnTable.Column.number("On the wire", 85, t -> Formats.size(t.wireBytes()), RunTarget::wireBytes),
                ColumnTable.Column.number("Saved", 55, t -> RunFormat.saving(t.contentBytes(), t.wireBytes()), t -> t.contentBytes() - t.wireBytes()),
                ColumnTable.Column.text("Error", 260, RunTarget::error)), 0, true, RunTarget::server);
        tab("&Targets", targets.viewer().getControl());

        Composite filesPane = new Composite(tabs, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(filesPane);
        filesNote = new Label(filesPane, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filesNote);
        files = new ColumnTable<>(filesPane, List.of(
                ColumnTable.Column.text("Target", 90, RunFile::server),
                ColumnTable.Column.text("Path", 240, RunFile::path),
                ColumnTable.Column.text("Operation", 75, RunFile::operation),
                ColumnTable.Column.number("Content", 80, f -> Formats.size(f.contentBytes()), RunFile::contentBytes),
                ColumnTable.Column.number("On the wire", 85, f -> Formats.size(f.wireBytes()), RunFile::wireBytes),
                ColumnTable.Column.text("From", 90, RunFile::from),
                ColumnTable.Column.text("SHA-256", 120, f -> f.sha256().length() > 16 ? f.sha256().substring(0, 16) + "…" : f.sha256()),
                ColumnTable.Column.text("Error", 240, RunFile::error)), 1, true, f -> f.server() + "\0" + f.path());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(files.viewer().getControl());
        tab("&Files", filesPane);

        chart = new RunChart(tabs);
        tab("&Statistics", chart.control());
        sash.setWeights(35, 65);

        getSite().setSelectionProvider(runs.viewer());
        getSite().getPage().addPostSelectionListener(JobsView.ID, selectionListener);
        Servers.addListener(serversChanged);
        serverMaybeChanged();
        if (getSite().getPage().findView(JobsView.ID) instanceof JobsView jobs) {
            ISelection s = jobs.getSite().getSelectionProvider().getSelection();
            selectionChanged(jobs, s);
        }
    }

    private void tab(String title, org.eclipse.swt.widgets.Control control) {
        TabItem t = new TabItem(tabs, SWT.NONE);
        t.setText(title);
        t.setControl(control);
    }

    private void key(Event e) {
        if (e.keyCode == SWT.F5) {
            reload();
            e.doit = false;
        }
    }

    private void serverMaybeChanged() {
        if (pane.isDisposed()) {
            return;
        }
        LiveJobs next = LiveJobs.follow(live, this);
        if (next != live) {
            live = next;
            job = null;
        }
        show();
    }

    private void selectionChanged(IWorkbenchPart part, ISelection s) {
        if (s instanceof IStructuredSelection ss && ss.getFirstElement() instanceof Job j && !j.name().equals(job)) {
            showJob(j.name());
        }
    }

    /** Shows the log of the job named {@code name}. */
    public void showJob(String name) {
        job = name;
        reload();
    }

    @Override
    public void jobsChanged() {
        show();
    }

    private void show() {
        if (pane.isDisposed()) {
            return;
        }
        String why = live == null ? "Connect to a server with the master role (File > Connect to Server...) to see the runs of its jobs."
                : live.problem() != null ? live.problem() : job == null ? "Select a job in the Jobs view to see its runs." : null;
        if (why != null) {
            pane.note(why);
            setContentDescription("");
        } else {
            pane.show(content);
            describe();
        }
    }

    private void describe() {
        List<JobRun> all = runs.rows();
        setContentDescription(all.isEmpty() ? "Job '" + job + "' has not run yet: Run Now (F9 in the Jobs view) starts it."
                : "Job '" + job + "': " + all.size() + " run(s), newest first" + (live.pushesRuns() ? "" : "; F5 reads them again"));
    }

    /** Reads the job's runs again (F5). */
    public void reload() {
        int mine = ++generation;
        show();
        if (live == null || job == null || live.problem() != null) {
            return;
        }
        String name = job;
        int n = LIMITS[Math.max(0, limit.getSelectionIndex())];
        live.background("Read the log of " + name, c -> c.log(name, n), read -> {
            if (mine != generation || pane.isDisposed()) {
                return;
            }
            runs.setRows(read);
            chart.show(read);
            filesOf = -1;
            if (runs.selected() == null && !read.isEmpty()) {
                runs.select(read.get(0).id());
            }
            runSelected();
            show();
            read.stream().filter(r -> !r.finished()).forEach(live::ran); // followed until they end
        }, why -> failed(mine, "The runs of '" + name + "' could not be read: " + why));
    }

    private void failed(int mine, String message) {
        if (mine == generation && !pane.isDisposed()) {
            pane.note(message);
        }
    }

    @Override
    public void runChanged(JobRun r) {
        if (pane.isDisposed() || !r.job().equals(job)) {
            return;
        }
        JobRun known = runs.rows().stream().filter(x -> x.id() == r.id()).findFirst().orElse(null);
        if (known != null && known.finished() && !r.finished()) {
            return; // an older state than the one shown
        }
        runs.put(r);
        chart.show(runs.rows());
        if (runs.selected() == null || runs.selected().id() == r.id() || known == null && runs.selected().finished()) {
            runs.select(r.id());
            if (r.finished() && filesOf == r.id()) {
                filesOf = -1; // its files are complete now
            }
            runSelected();
        }
        show();
    }

    private void runSelected() {
        JobRun r = runs.selected();
        targets.setRows(r == null ? List.of() : r.targets());
        if (r == null) {
            files.setRows(List.of());
            filesNote.setText("Select a run to see the report of each file.");
            return;
        }
        if (filesOf == r.id()) {
            return; // read already; a running run's reports are read again once it ends (or on F5)
        }
        filesOf = r.id();
        int mine = generation;
        long id = r.id();
        filesNote.setText("Reading the file reports of run #" + id + "...");
        live.background("Read the files of run " + id, c -> c.files(id), read -> {
            if (mine != generation || files.viewer().getControl().isDisposed() || runs.selected() == null || runs.selected().id() != id) {
                return;
            }
            files.setRows(read);
            String more = r.finished() ? "" : " Run #" + id + " is still running: all its reports show when it ends (F5 reads them now).";
            filesNote.setText((read.isEmpty() ? "Run #" + id + " has no file reports" + (r.finished() ? ": nothing changed on its targets." : " yet.")
                    : read.size() + " file report(s) of run #" + id + ".") + more);
            filesNote.getParent().layout();
        }, why -> filesNote.setText("The file reports of run #" + id + " could not be read: " + why));
    }

    // --- for tests

    public String emptyText() {
        return pane.note();
    }

    /** The runs table, to check that its columns fit the panel. */
    public org.eclipse.swt.widgets.Table runTable() {
        return runs.viewer().getTable();
    }

    public List<List<String>> runRows() {
        return runs.texts();
    }

    public List<List<String>> targetRows() {
        return targets.texts();
    }

    public List<List<String>> fileRows() {
        return files.texts();
    }

    /** The values of one statistics series (0 content bytes, 1 bytes on the wire, 2 seconds), oldest run first. */
    public double[] chartValues(int series) {
        return chart.values(series);
    }

    /** Shows the tab at {@code index}: 0 targets, 1 files, 2 statistics. */
    public void showTab(int index) {
        tabs.setSelection(index);
    }

    @Override
    public void setFocus() {
        runs.viewer().getControl().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePostSelectionListener(JobsView.ID, selectionListener);
        Servers.removeListener(serversChanged);
        if (live != null) {
            live.removeListener(this);
        }
        super.dispose();
    }
}
