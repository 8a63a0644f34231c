package org.syncline.sync.internal.ui;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * Window > Preferences > Sync: the bandwidth limits, rescan period and parallel transfers of this workbench's sync
 * engines ({@link SyncPreferences}). Out-of-range or non-numeric input is named under the title and keeps OK
 * disabled; Apply restarts the running engines with the new settings.
 */
public final class SyncPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    public static final String ID = "org.syncline.sync.ui.preferences";

    public SyncPreferencePage() {
        super(GRID);
        setDescription("How the sync pairs of this workbench transfer. 0 KiB/s means no limit; a change restarts the running pairs.");
    }

    @Override
    public void init(IWorkbench workbench) {
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, SyncPreferences.NODE);
        for (String key : new String[] { SyncPreferences.UPLOAD_LIMIT_KIB, SyncPreferences.DOWNLOAD_LIMIT_KIB, SyncPreferences.RESCAN_MINUTES,
                SyncPreferences.PARALLEL }) {
            store.setDefault(key, SyncPreferences.defaultOf(key));
        }
        setPreferenceStore(store);
    }

    @Override
    protected void createFieldEditors() {
        field(SyncPreferences.UPLOAD_LIMIT_KIB, "&Upload limit (KiB/s):", 0, SyncPreferences.MAX_LIMIT_KIB);
        field(SyncPreferences.DOWNLOAD_LIMIT_KIB, "&Download limit (KiB/s):", 0, SyncPreferences.MAX_LIMIT_KIB);
        field(SyncPreferences.RESCAN_MINUTES, "Full &rescan every (minutes):", 1, SyncPreferences.MAX_RESCAN_MINUTES);
        field(SyncPreferences.PARALLEL, "&Parallel transfers per pair:", 1, SyncPreferences.MAX_PARALLEL);
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        if (ok && getPreferenceStore() instanceof ScopedPreferenceStore store) {
            try {
                store.save(); // to disk now, not only when the workbench closes
            } catch (java.io.IOException e) {
                setErrorMessage("The sync preferences could not be saved (" + e.getMessage() + "); they hold until the workbench closes.");
            }
        }
        return ok;
    }

    private void field(String key, String label, int min, int max) {
        IntegerFieldEditor f = new IntegerFieldEditor(key, label, getFieldEditorParent(), 7);
        f.setValidRange(min, max);
        f.setErrorMessage(label.replace("&", "").replace(":", "") + " must be a whole number from " + min + " to " + max + ".");
        addField(f);
    }
}
