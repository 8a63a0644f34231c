package org.syncline.ui;

import org.eclipse.ui.statushandlers.IStatusAdapterConstants;
import org.eclipse.ui.statushandlers.StatusAdapter;
import org.eclipse.ui.statushandlers.StatusManager;
import org.syncline.ui.internal.ErrorStatus;

/**
 * Shows a failure to the user and records it in the Error Log. It goes through the workbench's
 * {@link StatusManager} rather than a dialog of our own, so the product's status handler decides how errors
 * look and every error also lands in the log. May be called from any thread.
 */
public final class ErrorReporter {
    private ErrorReporter() {
    }

    /**
     * @param action what the user was doing, phrased as the failure, e.g. "Could not connect to alpha";
     *            it becomes the dialog's title and prefixes the log entry
     * @param error what went wrong; a {@link org.syncline.core.SynclineException} shows as its code and
     *            message, never as a stack trace
     */
    /** Records the failure with its stack trace in the Error Log only, for a caller that shows it another way. */
    public static void log(String action, Throwable error) {
        StatusManager.getManager().handle(ErrorStatus.forLog(action, error), StatusManager.LOG);
    }

    public static void report(String action, Throwable error) {
        StatusManager manager = StatusManager.getManager();
        // Logged and shown separately: the log keeps the stack trace, the dialog must not show it.
        manager.handle(ErrorStatus.forLog(action, error), StatusManager.LOG);
        StatusAdapter shown = new StatusAdapter(ErrorStatus.forDialog(error));
        shown.setProperty(IStatusAdapterConstants.TITLE_PROPERTY, action);
        manager.handle(shown, StatusManager.SHOW);
    }
}
