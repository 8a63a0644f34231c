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
import org.syncline.ui.ConnectedServer;

/**
 * The user's sync quota in the user editor, with the space their folders use now: contributed to the
 * administration capability's editor, which knows nothing of sync. On a server without the hub role it
 * says so instead.
 */
public final class QuotaSection implements UserSection {
    static final long MIB = 1024L * 1024;
    private Quota quota;
    private Text limitText;
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
        limitText.setText(Long.toString(quota.limit() / MIB));
        GridDataFactory.fillDefaults().hint(100, SWT.DEFAULT).applyTo(limitText);
        limitText.addListener(SWT.Modify, e -> changed.run());
        Label used = new Label(row, SWT.NONE);
        used.setData(FIELD, "quotaUsed");
        used.setText(SyncPairs.size(quota.used()) + " used" + (quota.limit() == 0 ? "" : " of " + SyncPairs.size(quota.limit())));
    }

    @Override
    public String collect() {
        String typed = limitText.getText().trim();
        if (!typed.matches("\\d{1,9}")) {
            return "type the quota as a whole number of MiB (0: no limit), not '" + typed + "'.";
        }
        collected = Long.parseLong(typed) * MIB;
        return null;
    }

    @Override
    public void save(ConnectedServer server, String user) {
        if (collected != quota.limit()) {
            quota = SyncClients.of(server).setQuota(user, collected);
        }
    }
}
