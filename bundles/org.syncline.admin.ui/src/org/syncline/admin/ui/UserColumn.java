package org.syncline.admin.ui;

import java.util.Comparator;
import java.util.function.Consumer;

import org.syncline.ui.ConnectedServer;

/**
 * A column of the Users view that another capability contributes through the extension point
 * {@code org.syncline.admin.ui.userColumns} (the sync capability adds each user's quota), so administration never
 * depends on that capability. One instance serves one view; it keeps the values of every user of the server shown.
 */
public interface UserColumn {
    /** The column's heading, e.g. "Sync quota". */
    String title();

    /** The width it starts with, in pixels. */
    int width();

    /**
     * Reads the values of every user of {@code server}, in one request however many users there are (off the UI
     * thread; the view calls it each time it reads its list). May throw a SynclineException; a server without the
     * capability is no error: its cells stay empty.
     */
    void load(ConnectedServer server);

    /**
     * Follows the server's pushes of these values (called once per connection, off the UI thread, after a load):
     * calls {@code changed} (on any thread) with the name of a user whose value changed, so the view redraws that
     * row alone. Returns what stops following; the default follows nothing.
     */
    default AutoCloseable follow(ConnectedServer server, Consumer<String> changed) {
        return () -> {
            // nothing followed
        };
    }

    /** What the cell of {@code user} shows (on the UI thread); empty when there is no value. */
    String text(String user);

    /** The order of users by this column, for a click on its header. */
    Comparator<String> order();
}
