package org.syncline.admin.ui;

import org.eclipse.swt.widgets.Composite;
import org.syncline.ui.ConnectedServer;

/**
 * A part of the user editor that another capability contributes through the extension point
 * {@code org.syncline.admin.ui.userSections} (the sync capability adds the user's quota), so administration
 * never depends on that capability. One instance serves one editor.
 */
public interface UserSection {
    /** Key of {@code Control.getData(String)} naming each field of the editor, for tests and accessibility tools. */
    String FIELD = "org.syncline.admin.ui.field";

    /** The heading of the section, e.g. "Sync quota". */
    String title();

    /** Reads the user's values from the server; runs off the UI thread and may throw a SynclineException. */
    void load(ConnectedServer server, String user);

    /** Shows the loaded values under {@code parent} (on the UI thread); calls {@code changed} on every edit. */
    void createControls(Composite parent, Runnable changed);

    /**
     * Takes the edits from the controls (on the UI thread) before a save: a sentence naming what is wrong, or
     * null when they can be saved.
     */
    String collect();

    /** Writes the collected edits to the server (off the UI thread); writing unchanged values again is harmless. */
    void save(ConnectedServer server, String user);

    /**
     * Follows the server's pushes of this section's values of {@code user} (called once, off the UI thread, after
     * a load succeeded): calls {@code changedOnServer} (on any thread) when a value the editor would save changed
     * elsewhere; the editor then reloads, or with edits says so and offers Reload. Values shown but never saved
     * (the space used) the section may update in place itself. Returns what stops following; the default follows
     * nothing. May throw a SynclineException (the editor then does without).
     */
    default AutoCloseable follow(ConnectedServer server, String user, Runnable changedOnServer) {
        return () -> {
            // nothing followed
        };
    }
}
