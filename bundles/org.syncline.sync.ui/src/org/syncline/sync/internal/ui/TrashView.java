package org.syncline.sync.internal.ui;

import java.util.List;

import org.syncline.sync.TrashEntry;
import org.syncline.sync.client.SyncClient;
import org.syncline.ui.Formats;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ServerJob;

/** The deleted files of the selected pair's folder, restorable until the hub purges them. */
public final class TrashView extends PairView<TrashEntry> {
    public static final String ID = "org.syncline.sync.ui.views.trash";

    @Override
    protected void createColumns() {
        column("Path", 240, TrashEntry::path);
        column("Revision", 70, e -> Long.toString(e.revision()));
        column("Size", 90, e -> Formats.size(e.size()));
        column("Deleted by", 100, TrashEntry::deletedBy);
        column("Deleted", 150, e -> SyncFoldersView.time(e.deleted()));
        column("Purged after", 150, e -> SyncFoldersView.time(e.purgeAfter()));
        viewer.addOpenListener(e -> restore());
    }

    @Override
    protected String pathOf(TrashEntry row) {
        return row.path();
    }

    @Override
    protected List<TrashEntry> read(SyncClient client, SyncPair p) {
        return client.trash(p.folder());
    }

    @Override
    protected String describe(SyncPair p, List<TrashEntry> rows) {
        return rows.size() + (rows.size() == 1 ? " deleted file in " : " deleted files in ") + p.remote();
    }

    @Override
    protected String context() {
        return "org.syncline.sync.ui.trashContext";
    }

    /** Brings the selected files back as new revisions; the pair's engine then writes them locally. */
    public void restore() {
        SyncPair p = pair;
        ConnectedServer s = server();
        List<TrashEntry> chosen = selectedRows();
        if (p == null || s == null || chosen.isEmpty()) {
            return;
        }
        ServerJob.schedule("Restoring " + chosen.size() + " deleted files of " + p.remote(), m -> {
            for (TrashEntry e : chosen) {
                SyncClients.of(s).restoreFromTrash(p.folder(), e.path());
            }
        });
    }
}
