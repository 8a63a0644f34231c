package org.syncline.sync.internal.ui;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.syncline.sync.Revision;
import org.syncline.sync.TrashEntry;
import org.syncline.sync.client.SyncClient;
import org.syncline.ui.Formats;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ServerJob;

/**
 * Every revision of one file of the selected pair's folder, newest first: the path is typed (relative to
 * the pair's directory) or chosen with Browse. Restore makes the selected revision the newest again; the
 * pair's engine then writes it into the local directory.
 */
public final class HistoryView extends PairView<Revision> {
    public static final String ID = "org.syncline.sync.ui.views.history";
    private Text pathText;
    private String path = "";

    @Override
    protected void createTop(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(2, 2).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        new Label(row, SWT.NONE).setText("File:");
        pathText = new Text(row, SWT.BORDER | SWT.SEARCH);
        pathText.setMessage("path in the folder, e.g. docs/plan.txt, then Enter");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(pathText);
        pathText.addListener(SWT.DefaultSelection, e -> showFile(pathText.getText()));
        Button browse = new Button(row, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, e -> browse());
    }

    private void browse() {
        if (pair == null) {
            return;
        }
        FileDialog d = new FileDialog(getSite().getShell(), SWT.OPEN);
        d.setFilterPath(pair.localDir());
        String chosen = d.open();
        if (chosen != null) {
            Path root = Path.of(pair.localDir());
            Path file = Path.of(chosen).toAbsolutePath().normalize();
            if (!file.startsWith(root)) {
                setContentDescription(chosen + " is not inside " + root + "; choose a file of the pair.");
                return;
            }
            showFile(root.relativize(file).toString().replace('\\', '/'));
        }
    }

    /**
     * A single row selected in the Activity or Trash view (of the pair this view follows), while that view is the
     * active one, shows that file's revisions here, as Eclipse's History view follows the selection.
     */
    private final ISelectionListener rowSelected = (part, selection) -> {
        // only a selection made in the view the user works in: a view refreshing in the background keeps its hands off
        if (part != getSite().getPage().getActivePart()) {
            return;
        }
        if (part instanceof PairView<?> from && from.pair != null && (pair == null || sameFolder(from.pair, pair))
                && selection instanceof IStructuredSelection s && s.size() == 1) {
            String file = s.getFirstElement() instanceof Revision r ? r.path() : s.getFirstElement() instanceof TrashEntry t ? t.path() : null;
            if (file != null && !file.equals(path)) {
                pair = from.pair;
                showFile(file);
            }
        }
    };

    private static boolean sameFolder(SyncPair a, SyncPair b) {
        return a.server().equals(b.server()) && a.folder().equals(b.folder());
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        getSite().getPage().addSelectionListener(ActivityView.ID, rowSelected);
        getSite().getPage().addSelectionListener(TrashView.ID, rowSelected);
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(ActivityView.ID, rowSelected);
        getSite().getPage().removeSelectionListener(TrashView.ID, rowSelected);
        super.dispose();
    }

    /** Opens the History view on {@code relativePath} of {@code p}'s folder: Show History in the Activity and Trash views. */
    static HistoryView open(IWorkbenchPage page, SyncPair p, String relativePath) throws PartInitException {
        HistoryView view = (HistoryView) page.showView(ID);
        view.pair = p;
        view.showFile(relativePath);
        return view;
    }

    /** Shows the revisions of {@code relativePath} in the followed pair's folder. */
    public void showFile(String relativePath) {
        path = relativePath.trim();
        if (!pathText.getText().equals(path)) {
            pathText.setText(path);
        }
        refresh();
    }

    @Override
    protected void createColumns() {
        column("Revision", 70, r -> Long.toString(r.number()));
        column("Author", 100, Revision::author);
        column("Time", 150, r -> SyncFoldersView.time(r.time()));
        column("Size", 90, r -> r.deleted() ? "deleted" : Formats.size(r.size()));
        column("SHA-256", 200, r -> r.sha256() == null ? "" : r.sha256());
    }

    @Override
    protected Object scope() {
        return path;
    }

    @Override
    protected List<Revision> read(SyncClient client, SyncPair p) {
        String file = path;
        return file.isEmpty() ? List.of() : client.history(p.folder(), file);
    }

    @Override
    protected String describe(SyncPair p, List<Revision> rows) {
        if (path.isEmpty()) {
            return "Type a path of " + p.remote() + " above to see its revisions.";
        }
        return rows.size() + (rows.size() == 1 ? " revision of " : " revisions of ") + path;
    }

    @Override
    protected String context() {
        return "org.syncline.sync.ui.historyContext";
    }

    /** Asks where to save the selected revision, then downloads it there. */
    public void download() {
        List<Revision> chosen = selectedRows();
        if (pair == null || chosen.size() != 1) {
            return;
        }
        Revision r = chosen.get(0);
        if (r.deleted()) {
            setContentDescription("Revision " + r.number() + " is the deletion of " + r.path() + "; choose an older revision to download.");
            return;
        }
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setText("Download Revision " + r.number());
        d.setOverwrite(true);
        String name = r.path().substring(r.path().lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        d.setFileName(dot > 0 ? name.substring(0, dot) + " (revision " + r.number() + ")" + name.substring(dot)
                : name + " (revision " + r.number() + ")");
        String target = d.open();
        if (target != null) {
            download(r, Path.of(target));
        }
    }

    /** What Download does once the file is chosen: streams the revision there, all or nothing, in a job. */
    public org.eclipse.core.runtime.jobs.Job download(Revision r, Path target) {
        SyncPair p = pair;
        ConnectedServer s = server();
        if (p == null || s == null) {
            setContentDescription("The server of this pair is not connected; connect it to download.");
            return null;
        }
        return ServerJob.schedule("Downloading revision " + r.number() + " of " + r.path() + " to " + target,
                m -> RevisionDownload.save(SyncClients.of(s), p.folder(), r, target, m));
    }

    /** Makes the selected revision the newest again, as a new revision: nothing is lost. */
    public void restore() {
        SyncPair p = pair;
        ConnectedServer s = server();
        List<Revision> chosen = selectedRows();
        if (p == null || s == null || chosen.size() != 1 || chosen.get(0).deleted()) {
            return;
        }
        Revision r = chosen.get(0);
        ServerJob.schedule("Restoring revision " + r.number() + " of " + r.path(), m -> SyncClients.of(s).restore(p.folder(), r.path(), r.number()));
    }
}
