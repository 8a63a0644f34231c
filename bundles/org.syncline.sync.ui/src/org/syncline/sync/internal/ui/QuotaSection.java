package org.syncline.sync.internal.ui;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.syncline.admin.ui.UserSection;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sync.Quota;
import org.syncline.ui.Formats;
import org.syncline.ui.ConnectedServer;

/**
 * The user's sync quota in the user editor, with the space their folders use now: contributed to the
 * administration capability's editor, which knows nothing of sync. On a server without the hub role it
 * says so instead.
 */
public final class QuotaSection implements UserSection {
    static final long MIB = 1024L * 1024;
    /** What the editor shows: read by load, replaced by save and by pushes of the space used (network thread). */
    private volatile Quota quota;
    private Text limitText;
    private Label used;
    /** What the field said when shown: left as it is, the limit stays exactly what the hub holds. */
    private String shownText;
    private long collected;

    @Override
    public String title() {
        return "Sync quota";
    }

    @Override
    public void load(ConnectedServer server, String user) {
        try {
            quota = SyncClients.of(server).quota(user);
        } catch (SynclineException e) {
            if (e.code() == ErrorCode.BAD_REQUEST) {
                throw new SynclineException(ErrorCode.NOT_FOUND, server.label()
                        + " runs no hub (the role that keeps sync folders), so there is no sync quota to set here.", e);
            }
            throw e;
        }
    }

    @Override
    public void createControls(Composite parent, Runnable changed) {
        Composite row = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        new Label(row, SWT.NONE).setText("&Quota (MiB, 0: no limit):");
        limitText = new Text(row, SWT.BORDER);
        limitText.setData(FIELD, "quota");
        shownText = Long.toString(quota.limit() / MIB);
        limitText.setText(shownText);
        GridDataFactory.fillDefaults().hint(100, SWT.DEFAULT).applyTo(limitText);
        limitText.addListener(SWT.Modify, e -> changed.run());
        used = new Label(row, SWT.NONE);
        used.setData(FIELD, "quotaUsed");
        used.setText(usedText(quota));
    }

    private static String usedText(Quota q) {
        return Formats.size(q.used()) + " used" + (q.limit() == 0 ? "" : " of " + Formats.size(q.limit()))
                + (q.limit() > 0 && q.used() > q.limit() ? ": over the quota" : "");
    }

    /**
     * The hub pushes {@code user}'s quota when an admin sets it anywhere and when the space used crosses it: a new
     * limit is the editor's news (it reloads, or says so over edits); a new usage alone updates the label here.
     */
    @Override
    public AutoCloseable follow(ConnectedServer server, String user, Runnable changedOnServer) {
        return SyncClients.of(server).watchQuotas(q -> {
            Quota shown = quota;
            if (!q.user().equals(user) || shown == null || q.equals(shown)) {
                return;
            }
            if (q.limit() != shown.limit()) {
                changedOnServer.run();
                return;
            }
            quota = q;
            Label l = used;
            if (l != null && !l.isDisposed()) {
                l.getDisplay().asyncExec(() -> {
                    if (!l.isDisposed()) {
                        l.setText(usedText(q));
                        l.getParent().layout(true);
                    }
                });
            }
        });
    }

    @Override
    public String collect() {
        String typed = limitText.getText().trim();
        if (!typed.matches("\\d{1,9}")) {
            return "type the quota as a whole number of MiB (0: no limit), not '" + typed + "'.";
        }
        // a limit that is no whole number of MiB (set in bytes by the CLI) shows rounded down; untouched, it stays
        collected = typed.equals(shownText) ? quota.limit() : Long.parseLong(typed) * MIB;
        return null;
    }

    @Override
    public void save(ConnectedServer server, String user) {
        if (collected != quota.limit()) {
            quota = SyncClients.of(server).setQuota(user, collected);
        }
    }
}
