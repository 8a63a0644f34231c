package org.syncline.workbench.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * Puts the views' toolbars back beside their tabs after a perspective switch. On GTK 3 a view's toolbar is squeezed
 * for a moment while the perspective's part stacks are laid out, reports a taller preferred size then (GtkToolbar's
 * overflow arrow), and its tab folder wraps it below the tabs, over the view's first rows, until the folder is next
 * resized (eclipse-platform/eclipse.platform.swt#3608, fixed after SWT 3.135). Once the switch has settled, each tab
 * folder of the window is laid out again, as a resize does.
 */
final class ViewToolbarPlacement {
    /**
     * After the platform's own layout passes of the switch, which run in the events that follow it; once more later
     * for a machine too busy to have finished them by the first.
     */
    private static final int[] SETTLE_MILLIS = { 150, 750 };

    private ViewToolbarPlacement() {
    }

    static void afterPerspectiveSwitch(Shell shell) {
        if (shell == null || shell.isDisposed()) {
            return;
        }
        for (int millis : SETTLE_MILLIS) {
            shell.getDisplay().timerExec(millis, () -> {
                if (!shell.isDisposed()) {
                    relayout(shell);
                }
            });
        }
    }

    /** Lays out every tab folder under {@code parent} as a resize would; a toolbar that fits beside the tabs goes there. */
    static void relayout(Composite parent) {
        for (Control c : parent.getChildren()) {
            if (c instanceof CTabFolder folder && folder.isVisible()) {
                folder.notifyListeners(SWT.Resize, new Event());
                folder.layout(true, true);
            }
            if (c instanceof Composite child) {
                relayout(child);
            }
        }
    }
}
