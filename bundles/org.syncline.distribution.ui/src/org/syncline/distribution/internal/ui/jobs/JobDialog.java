package org.syncline.distribution.internal.ui.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.syncline.core.SynclineException;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobTarget;
import org.syncline.ui.FormDialog;

/**
 * Defines a new job or changes one: every field of the {@link Job} record. OK sends it to the master; when
 * the master refuses, its sentence shows in the dialog, which stays open with the values typed.
 */
public final class JobDialog extends FormDialog {
    static final List<String> OPERATIONS = List.of("create", "update", "delete", "move", "erase");
    private static final String[] TRIGGERS = { Job.MANUAL, Job.REALTIME, Job.CRON, Job.INTERVAL };
    private static final String[] TRIGGER_LABELS = { "Manual (Run Now only)", "Real-time (every change on the source)", "Cron schedule",
            "Interval" };
    private static final String[] RECOVERIES = { Job.RECOVER_IMMEDIATE, Job.RECOVER_SCHEDULED, Job.RECOVER_MANUAL };
    private static final String HINT = "Paths are relative to each server's distribution root. Targets one a line: server:NAME:PATH, "
            + "group:REGION/GROUP:PATH, region:NAME:PATH or tag:TAG:PATH.";

    private final Job base;
    private final Function<Job, Job> send;
    private Text name;
    private Button enabled;
    private Text source;
    private Text paths;
    private Text targets;
    private Text includes;
    private Text excludes;
    private final List<Button> operations = new ArrayList<>();
    private Text typeTags;
    private Combo trigger;
    private Text cron;
    private Text interval;
    private Text window;
    private Spinner retry;
    private Combo recovery;
    private Text recoverAt;
    private Job saved;
    private String shownError;

    /**
     * @param base the job to change, or null for a new one
     * @param send sends the job to the master (create or update) and returns what it stored; throws its refusal
     */
    public JobDialog(Shell shell, Job base, Function<Job, Job> send) {
        super(shell, base == null ? "New Job" : "Edit Job", base == null ? "Define a replication job" : "Change job '" + base.name() + "'", HINT,
                SWT.DEFAULT);
        this.base = base;
        this.send = send;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void createForm(Composite form) {
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(form);
        Job j = base == null ? fresh() : base;

        name = line(form, "&Name:", j.name());
        enabled = check(form, "&Enabled", j.enabled());
        source = line(form, "&Source server:", j.source());
        new Label(form, SWT.NONE);
        new Label(form, SWT.NONE);
        paths = lines(form, "Source &paths:", j.sourcePaths(), "one path a line; empty: the whole distribution root");
        targets = lines(form, "&Targets:", j.targets().stream().map(JobTarget::describe).toList(), "KIND:NAME:PATH, one a line");
        includes = lines(form, "&Include:", j.includes(), "globs (*.mpg, [1-5]abc, a??bc) or re:REGEX, one a line; empty: everything");
        excludes = lines(form, "E&xclude:", j.excludes(), "never these paths, one pattern a line");
        typeTags = lines(form, "Type ta&gs:", j.typeTags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(),
                "PATTERN=TAG: matching files go only to servers tagged TAG");

        label(form, "Operations:");
        Composite ops = new Composite(form, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(OPERATIONS.size()).applyTo(ops);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(ops);
        for (String op : OPERATIONS) {
            Button b = new Button(ops, SWT.CHECK);
            b.setText(op.equals("erase") ? "erase (purge)" : op);
            b.setData(op);
            b.setSelection(j.operations().contains(op));
            operations.add(b);
        }

        label(form, "T&rigger:");
        trigger = new Combo(form, SWT.READ_ONLY);
        trigger.setItems(TRIGGER_LABELS);
        trigger.select(Math.max(0, List.of(TRIGGERS).indexOf(j.trigger())));
        GridDataFactory.fillDefaults().span(3, 1).applyTo(trigger);
        cron = line(form, "&Cron:", j.cron());
        interval = line(form, "Inter&val:", j.intervalSeconds() > 0 ? duration(j.intervalSeconds()) : "");
        window = line(form, "&Window:", j.window());
        new Label(form, SWT.NONE);
        Label windowHint = new Label(form, SWT.NONE);
        windowHint.setText("HH:MM-HH:MM");
        trigger.addListener(SWT.Selection, e -> triggerChanged());

        label(form, "Retr&y limit:");
        retry = new Spinner(form, SWT.BORDER);
        retry.setValues(j.retryLimit(), 0, 100, 0, 1, 5);
        GridDataFactory.fillDefaults().span(3, 1).align(SWT.BEGINNING, SWT.CENTER).applyTo(retry);
        label(form, "Rec&overy:");
        recovery = new Combo(form, SWT.READ_ONLY);
        recovery.setItems("Immediate (when the target is back)", "Scheduled (at a time of day)", "Manual (an admin starts it)");
        recovery.select(Math.max(0, List.of(RECOVERIES).indexOf(j.recovery())));
        recoverAt = line(form, "Recover &at:", j.recoverAt());
        recovery.addListener(SWT.Selection, e -> triggerChanged());
        triggerChanged();
    }

    private static Job fresh() {
        return new Job(0, "", true, "", List.of(), List.of(), List.of(), List.of(), List.of("create", "update", "delete", "move"), Map.of(), Job.MANUAL,
                "", 0, "", 3, Job.RECOVER_IMMEDIATE, "", "", null, "", null);
    }

    private static void label(Composite form, String text) {
        Label l = new Label(form, SWT.NONE);
        l.setText(text);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(l);
    }

    private static Text line(Composite form, String label, String value) {
        label(form, label);
        Text t = new Text(form, SWT.BORDER);
        t.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(220, SWT.DEFAULT).applyTo(t);
        return t;
    }

    private static Button check(Composite form, String label, boolean value) {
        new Label(form, SWT.NONE);
        Button b = new Button(form, SWT.CHECK);
        b.setText(label);
        b.setSelection(value);
        return b;
    }

    private static Text lines(Composite form, String label, List<String> value, String hint) {
        Label l = new Label(form, SWT.NONE);
        l.setText(label);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).indent(0, 3).applyTo(l);
        Text t = new Text(form, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        t.setText(String.join("\n", value));
        t.setToolTipText(hint);
        t.setMessage(hint);
        // Tab leaves the field (Ctrl+Tab in a multi-line text types a tab otherwise)
        t.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                e.doit = true;
            }
        });
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(380, t.getLineHeight() * 3 + 6).applyTo(t);
        return t;
    }

    private void triggerChanged() {
        String t = TRIGGERS[trigger.getSelectionIndex()];
        cron.setEnabled(Job.CRON.equals(t));
        interval.setEnabled(Job.INTERVAL.equals(t));
        window.setEnabled(Job.CRON.equals(t) || Job.INTERVAL.equals(t));
        recoverAt.setEnabled(recovery.getSelectionIndex() == 1);
    }

    @Override
    protected void okPressed() {
        Job job;
        try {
            job = job();
        } catch (SynclineException e) {
            refuse(e.getMessage());
            return;
        }
        try {
            Job[] stored = new Job[1];
            BusyIndicator.showWhile(getShell().getDisplay(), () -> stored[0] = send.apply(job));
            saved = stored[0];
        } catch (SynclineException e) {
            refuse(e.getMessage()); // the master's sentence; the dialog keeps what was typed
            return;
        }
        super.okPressed();
    }

    private void refuse(String sentence) {
        shownError = sentence;
        setErrorMessage(sentence);
    }

    /** The job as typed; throws a sentence for a field the dialog can check itself. */
    Job job() {
        String t = TRIGGERS[trigger.getSelectionIndex()];
        long seconds = 0;
        if (Job.INTERVAL.equals(t)) {
            seconds = seconds(interval.getText());
        }
        List<String> ops = operations.stream().filter(Button::getSelection).map(b -> (String) b.getData()).toList();
        Job b = base == null ? fresh() : base;
        boolean scheduled = Job.CRON.equals(t) || Job.INTERVAL.equals(t);
        int rec = recovery.getSelectionIndex();
        return new Job(b.id(), name.getText().trim(), enabled.getSelection(), source.getText().trim(), split(paths), split(targets).stream()
                .map(JobDialog::target).toList(), split(includes), split(excludes), ops, tags(split(typeTags)), t,
                Job.CRON.equals(t) ? cron.getText().trim() : "", seconds, scheduled ? window.getText().trim() : "", retry.getSelection(),
                RECOVERIES[rec], rec == 1 ? recoverAt.getText().trim() : "", b.createdBy(), b.created(), b.modifiedBy(), b.modified());
    }

    private static List<String> split(Text t) {
        return t.getText().lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static JobTarget target(String s) {
        String[] p = s.split(":", 3);
        if (p.length != 3 || p[1].isEmpty()) {
            throw new SynclineException(org.syncline.core.ErrorCode.INVALID_ARGUMENT,
                    "Target '" + s + "' is not KIND:NAME:PATH, e.g. server:web-2:incoming or group:eu/web:site.");
        }
        return new JobTarget(p[0].toLowerCase(Locale.ROOT), p[1], p[2]);
    }

    private static Map<String, String> tags(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new SynclineException(org.syncline.core.ErrorCode.INVALID_ARGUMENT, "Type tag '" + pair + "' is not PATTERN=TAG, e.g. *.jpg=images.");
            }
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    /** 90s, 15m, 2h, 1d or plain seconds. */
    static long seconds(String text) {
        long n = org.syncline.core.Durations.parseOrSeconds(text).map(java.time.Duration::toSeconds).orElse(0L);
        if (n > 0) {
            return n;
        }
        throw new SynclineException(org.syncline.core.ErrorCode.INVALID_ARGUMENT, "The interval '" + text + "' is not a duration such as 90s, 15m, 2h or 1d.");
    }

    static String duration(long seconds) {
        return seconds % 86_400 == 0 ? seconds / 86_400 + "d" : seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    @Override
    protected String okLabel() {
        return base == null ? "&Create" : "&Save";
    }

    /** The job the master stored, once OK worked. */
    public Job saved() {
        return saved;
    }

    // --- for tests and scripts: fill the fields as a user types them

    public void fill(String jobName, String sourceServer, String sourcePaths, String jobTargets) {
        name.setText(jobName);
        source.setText(sourceServer);
        paths.setText(sourcePaths);
        targets.setText(jobTargets);
    }

    public void pressOk() {
        okPressed();
    }

    /** The refusal shown, or null. */
    public String errorShown() {
        return shownError;
    }
}
