package org.syncline.ui;

import java.util.concurrent.Executor;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/**
 * Runs work on the UI thread, later. Client events arrive on network threads; handing them an
 * {@link Executor} (this one in the workbench, {@code Runnable::run} in headless code) keeps them free of SWT.
 * Once the display is gone (the workbench is closing) work is dropped: nothing is left to update.
 */
public final class UiRunner implements Executor {
    private final Display display;

    public UiRunner(Display display) {
        this.display = display;
    }

    /** The runner for the running workbench's display. */
    public static UiRunner forWorkbench() {
        return new UiRunner(PlatformUI.getWorkbench().getDisplay());
    }

    @Override
    public void execute(Runnable task) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(task);
        } catch (SWTException e) {
            // The display may be disposed between the check and the call.
            if (e.code != SWT.ERROR_DEVICE_DISPOSED) {
                throw e;
            }
        }
    }
}
