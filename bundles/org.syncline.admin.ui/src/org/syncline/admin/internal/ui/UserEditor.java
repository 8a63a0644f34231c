package org.syncline.admin.internal.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;
import org.syncline.admin.GroupInfo;
import org.syncline.admin.UserInfo;
import org.syncline.admin.client.AdminClient;
import org.syncline.admin.ui.UserSection;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.ui.Formats;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ErrorReporter;
import org.syncline.ui.UiRunner;

/**
 * One user of one server in an editor tab: administrator, disabled, a new password, groups, and the sections
 * other capabilities contribute (the sync quota). Edits mark the tab dirty; Save (Ctrl+S) writes only what
 * changed, message by message, each checked on the server; a refusal shows as its sentence at the top and
 * the edits stay, so saving again after fixing them finishes the job (every step is safe to repeat). The editor
 * follows the server's pushes: when its user (admin flag, disabled, groups) or the list of groups changes
 * elsewhere, or a section's value (the sync quota, set by another admin or the CLI), the fields show it at once
 * if nothing is edited here; with edits, a sentence at the top says so and offers to reload.
 */
public final class UserEditor extends EditorPart {
    public static final String ID = "org.syncline.admin.ui.editors.user";
    public static final String FIELD = UserSection.FIELD;

    private UiRunner ui;
    private Composite body;
    private Label message;
    /** "Reload" after the message, shown only while the server holds a newer user than the edited one. */
    private Link reload;
    private Button adminCheck;
    private Button disabledCheck;
    private Text passwordText;
    private Text confirmText;
    private Table groupTable;
    private final List<UserSection> sections = Contributions.create(Contributions.SECTIONS, UserSection.class, "user editor section");
    /** The sections whose values were read, so they show controls and take part in saves. */
    private final List<UserSection> shown = new ArrayList<>();
    private UserInfo loaded;
    private List<String> loadedGroups = List.of();
    private boolean dirty;
    private boolean showing;
    /** A save is being sent: its own pushes are not news, the reload after it shows them. */
    private boolean saving;
    /** The listener on the server's user pushes, once the first read subscribed it; closed with the editor. */
    private AutoCloseable following;
    /** The sections' listeners on their own pushes (the quota), once each loaded; closed with the editor. */
    private final List<AutoCloseable> sectionsFollowing = new ArrayList<>();
    private boolean sectionsFollowed;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof UserEditorInput)) {
            throw new PartInitException("The user editor opens users, not " + input.getName() + ".");
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    private UserEditorInput user() {
        return (UserEditorInput) getEditorInput();
    }

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
        message = new Label(body, SWT.WRAP);
        message.setData(FIELD, "message");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(400, SWT.DEFAULT).applyTo(message);
        message.setText("Reading " + user().user() + " from " + user().server().label() + "...");
        reload = new Link(body, SWT.NONE);
        reload.setData(FIELD, "reload");
        reload.setText("<a>Reload</a> (drops the edits made here)");
        reload.addListener(SWT.Selection, e -> load());
        GridDataFactory.fillDefaults().span(2, 1).exclude(true).applyTo(reload);
        reload.setVisible(false);
        load();
    }

    /** Reads the user, the groups and every section's values, then shows them; edits not saved are dropped. */
    void load() {
        load(false);
    }

    /**
     * {@link #load()}; with {@code unlessEdited} (a push's reload) edits made while it read are kept and the
     * editor says what changed instead.
     */
    private void load(boolean unlessEdited) {
        UserEditorInput in = user();
        Job job = Job.create("Reading user " + in.user(), monitor -> {
            try {
                AdminClient admin = UsersView.client(in.server());
                follow(admin);
                UserInfo u = admin.users().stream().filter(x -> x.name().equals(in.user())).findFirst()
                        .orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND, "There is no user named '" + in.user()
                                + "' on " + in.server().label() + " any more; close this editor."));
                List<String> groups = admin.groups().stream().map(GroupInfo::name).toList();
                List<String> sectionErrors = new ArrayList<>();
                for (UserSection s : sections) {
                    sectionErrors.add(loadSection(s, in));
                }
                followSections(sectionErrors);
                ui.execute(() -> {
                    if (unlessEdited && (dirty || saving)) {
                        changedOnServer(u, groups);
                    } else {
                        show(u, groups, sectionErrors);
                    }
                });
            } catch (SynclineException e) {
                ErrorReporter.log("Reading user " + in.user(), e);
                ui.execute(() -> say(e.code() + ": " + e.getMessage(), true));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** Subscribes to the server's user pushes once (off the UI thread: subscribing asks the server). */
    private synchronized void follow(AdminClient admin) {
        if (following == null && !body.isDisposed()) {
            following = admin.watchUsers(this::serverChanged);
        }
    }

    /**
     * Subscribes each section that loaded to its own pushes, once per editor (off the UI thread); a section that
     * cannot follow (a server without its role) is shown as read, without following.
     */
    private synchronized void followSections(List<String> sectionErrors) {
        if (sectionsFollowed || body.isDisposed()) {
            return;
        }
        sectionsFollowed = true;
        UserEditorInput in = user();
        for (int i = 0; i < sections.size(); i++) {
            UserSection s = sections.get(i);
            if (sectionErrors.get(i) == null) {
                try {
                    sectionsFollowing.add(s.follow(in.server(), in.user(), () -> ui.execute(() -> sectionChangedOnServer(s))));
                } catch (SynclineException e) {
                    ErrorReporter.log("Following " + s.title() + " of " + in.user(), e);
                }
            }
        }
    }

    /**
     * A value of section {@code s} changed elsewhere (on the UI thread): shown at once when nothing is edited here;
     * with edits, a sentence says so and offers Reload. The editor's own save is not news: its reload shows it.
     */
    private void sectionChangedOnServer(UserSection s) {
        if (body.isDisposed() || saving || loaded == null) {
            return;
        }
        if (!dirty) {
            load(true);
            return;
        }
        say(loaded.name() + "'s " + s.title().toLowerCase(java.util.Locale.ROOT) + " changed on the server since this editor read it;"
                + " your edits here are not saved yet.", true);
        showReload(true);
    }

    /**
     * A user or group changed somewhere on the server (on a network thread): reads this editor's user and the
     * groups, and when they differ from what the editor shows, shows them or, with edits here, says so.
     */
    private void serverChanged() {
        UserEditorInput in = user();
        Job job = Job.create("Following user " + in.user(), monitor -> {
            try {
                AdminClient admin = UsersView.client(in.server());
                UserInfo u = admin.users().stream().filter(x -> x.name().equals(in.user())).findFirst().orElse(null);
                List<String> groups = admin.groups().stream().map(GroupInfo::name).toList();
                ui.execute(() -> changedOnServer(u, groups));
            } catch (SynclineException e) {
                // offline or logged out: the next push or an explicit reload reads it again
                ErrorReporter.log("Following user " + in.user(), e);
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void changedOnServer(UserInfo now, List<String> groups) {
        if (body.isDisposed() || saving || loaded == null || (loaded.equals(now) && loadedGroups.equals(groups))) {
            return;
        }
        if (!dirty) {
            load(true);
            return;
        }
        say(now == null ? "There is no user named '" + loaded.name() + "' on " + user().server().label()
                + " any more: someone removed it. Saving here fails; close this editor."
                : loaded.name() + " changed on the server since this editor read it (administrator, disabled or groups);"
                + " your edits here are not saved yet.", true);
        showReload(now != null);
    }

    private void showReload(boolean visible) {
        if (reload.isDisposed() || reload.getVisible() == visible) {
            return;
        }
        reload.setVisible(visible);
        ((org.eclipse.swt.layout.GridData) reload.getLayoutData()).exclude = !visible;
        body.layout(true, true);
    }

    @Override
    public void dispose() {
        List<AutoCloseable> listeners = new ArrayList<>();
        synchronized (this) {
            if (following != null) {
                listeners.add(following);
            }
            following = null;
            listeners.addAll(sectionsFollowing);
            sectionsFollowing.clear();
            sectionsFollowed = true; // a load still running must not subscribe after this
        }
        for (AutoCloseable f : listeners) {
            try {
                f.close();
            } catch (Exception e) {
                // removing a listener does not fail
            }
        }
        super.dispose();
    }

    private static String loadSection(UserSection s, UserEditorInput in) {
        try {
            s.load(in.server(), in.user());
            return null;
        } catch (SynclineException e) {
            return e.getMessage();
        }
    }

    private void show(UserInfo u, List<String> groups, List<String> sectionErrors) {
        if (body.isDisposed()) {
            return;
        }
        loaded = u;
        loadedGroups = groups;
        saving = false;
        showReload(false);
        for (Control c : body.getChildren()) {
            if (c != message && c != reload) {
                c.dispose();
            }
        }
        showing = true;
        label("Name:");
        label(u.name() + "   (created " + Formats.time(u.created()) + ")");
        new Label(body, SWT.NONE);
        adminCheck = check("&Administrator: manages users, groups and every folder", u.admin(), "admin");
        new Label(body, SWT.NONE);
        disabledCheck = check("&Disabled: cannot log in; their sessions close on save", u.disabled(), "disabled");
        label("New &password:");
        passwordText = password("password");
        passwordText.setMessage("leave empty to keep the password");
        label("&Confirm:");
        confirmText = password("confirm");
        Label groupsLabel = label("&Groups:");
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(groupsLabel);
        groupTable = new Table(body, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
        groupTable.setData(FIELD, "groups");
        GridDataFactory.fillDefaults().grab(true, false).hint(300, 100).applyTo(groupTable);
        for (String g : groups) {
            TableItem item = new TableItem(groupTable, SWT.NONE);
            item.setText(g);
            item.setChecked(u.groups().contains(g));
        }
        groupTable.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                changed();
            }
        });
        shown.clear();
        for (int i = 0; i < sections.size(); i++) {
            UserSection s = sections.get(i);
            Group box = new Group(body, SWT.NONE);
            box.setText(s.title());
            GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(box);
            GridLayoutFactory.swtDefaults().applyTo(box);
            if (sectionErrors.get(i) != null) {
                new Label(box, SWT.WRAP).setText(sectionErrors.get(i));
            } else {
                s.createControls(box, this::changed);
                shown.add(s);
            }
        }
        showing = false;
        setDirty(false);
        say(u.disabled() ? u.name() + " is disabled." : "", false);
        body.layout(true, true);
    }

    private Label label(String text) {
        Label l = new Label(body, SWT.NONE);
        l.setText(text);
        return l;
    }

    private Button check(String text, boolean on, String field) {
        Button b = new Button(body, SWT.CHECK);
        b.setText(text);
        b.setSelection(on);
        b.setData(FIELD, field);
        b.addListener(SWT.Selection, e -> changed());
        return b;
    }

    private Text password(String field) {
        Text t = new Text(body, SWT.BORDER | SWT.PASSWORD);
        t.setData(FIELD, field);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(t);
        t.addListener(SWT.Modify, e -> changed());
        return t;
    }

    private void changed() {
        if (!showing) {
            setDirty(true);
        }
    }

    private void setDirty(boolean now) {
        if (dirty != now) {
            dirty = now;
            firePropertyChange(PROP_DIRTY);
        }
    }

    private void say(String text, boolean error) {
        if (message.isDisposed()) {
            return;
        }
        message.setText(text);
        message.setForeground(error ? message.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
        body.layout(true, true);
    }

    /** What the message line says now: a refusal's sentence after a failed save. */
    public String message() {
        return message.getText();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (loaded == null) {
            return;
        }
        String problem = collectProblem();
        if (problem != null) {
            say(problem, true);
            return;
        }
        UserEditorInput in = user();
        Set<String> groups = new LinkedHashSet<>();
        for (TableItem item : groupTable.getItems()) {
            if (item.getChecked()) {
                groups.add(item.getText());
            }
        }
        UserChanges changes = new UserChanges(loaded, adminCheck.getSelection(), disabledCheck.getSelection(),
                passwordText.getText().toCharArray(), groups);
        List<UserSection> active = List.copyOf(shown);
        String name = loaded.name();
        say("Saving " + name + "...", false);
        saving = true;
        Job job = Job.create("Saving user " + name, m -> {
            try {
                changes.sendTo(UsersView.client(in.server()));
                for (UserSection s : active) {
                    s.save(in.server(), name);
                }
                ui.execute(() -> {
                    saving = false;
                    setDirty(false); // saved: the tab's marker goes now, not when the reload below ends
                    say("Saved " + name + "; reading it back...", false);
                    load();
                });
            } catch (SynclineException e) {
                ErrorReporter.log("Saving user " + name, e);
                ui.execute(() -> {
                    saving = false;
                    say(e.code() + ": " + e.getMessage(), true);
                });
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    /** Checks the edits before anything is sent: a sentence naming the first problem, or null. */
    private String collectProblem() {
        String pw = passwordText.getText();
        if (!pw.isEmpty()) {
            if (loaded.name().equals(user().server().user())) {
                return "Change your own password with Set Password... in the Users view: it asks for the current one.";
            }
            if (!pw.equals(confirmText.getText())) {
                return "The new password and its confirmation differ; type the same password twice.";
            }
        }
        for (UserSection s : shown) {
            String problem = s.collect();
            if (problem != null) {
                return s.title() + ": " + problem;
            }
        }
        return null;
    }

    @Override
    public void doSaveAs() {
        // one user is saved to its server only
    }

    @Override
    public boolean isDirty() {
        return dirty;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void setFocus() {
        body.setFocus();
    }
}
