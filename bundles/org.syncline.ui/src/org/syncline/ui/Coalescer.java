package org.syncline.ui;

import org.eclipse.swt.widgets.Control;

/**
 * Runs an action on the UI thread at most once per delay however often it is asked for: the first request schedules
 * it {@code delayMillis} later, requests until then fold into that run. Views use it to refresh once for a burst of
 * server pushes (100 documents registered at once are one refresh, not 100). UI thread only; nothing runs once the
 * owning control is disposed.
 */
public final class Coalescer {
    private final Control owner;
    private final int delayMillis;
    private final Runnable action;
    private boolean pending;

    public Coalescer(Control owner, int delayMillis, Runnable action) {
        this.owner = owner;
        this.delayMillis = delayMillis;
        this.action = action;
    }

    /** Asks for the action: it runs {@code delayMillis} after the first request not yet run. */
    public void request() {
        if (pending || owner.isDisposed()) {
            return;
        }
        pending = true;
        owner.getDisplay().timerExec(delayMillis, () -> {
            pending = false;
            if (!owner.isDisposed()) {
                action.run();
            }
        });
    }

    /** True while a run is scheduled and has not happened yet. */
    public boolean isPending() {
        return pending;
    }
}
