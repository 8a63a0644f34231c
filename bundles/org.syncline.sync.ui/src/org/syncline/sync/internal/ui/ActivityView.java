package org.syncline.sync.internal.ui;

import java.util.List;

import org.syncline.sync.Revision;
import org.syncline.sync.client.SyncClient;
import org.syncline.ui.Formats;

/** Who changed what, when, in the selected pair's folder: its newest revisions, read again on every pushed commit. */
public final class ActivityView extends PairView<Revision> {
    public static final String ID = "org.syncline.sync.ui.views.activity";
    private static final int SHOWN = 200;

    @Override
    protected void createColumns() {
        column("Time", 150, r -> SyncFoldersView.time(r.time()));
        column("Who", 100, Revision::author);
        column("Change", 80, ActivityView::change);
        column("Path", 260, Revision::path);
        column("Revision", 70, r -> Long.toString(r.number()));
        column("Size", 90, r -> r.deleted() ? "" : Formats.size(r.size()));
        viewer.addOpenListener(e -> showHistory());
    }

    @Override
    protected String pathOf(Revision row) {
        return row.path();
    }

    static String change(Revision r) {
        return r.deleted() ? "deleted" : "written";
    }

    @Override
    protected List<Revision> read(SyncClient client, SyncPair p) {
        List<Revision> all = client.history(p.folder(), null);
        return all.size() > SHOWN ? all.subList(0, SHOWN) : all;
    }

    @Override
    protected String describe(SyncPair p, List<Revision> rows) {
        return "The newest " + rows.size() + " changes in " + p.remote();
    }

    @Override
    protected String context() {
        return "org.syncline.sync.ui.activityContext";
    }
}
