package org.syncline.distribution.internal.ui.monitor;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.syncline.distribution.AlertEvent;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ErrorReporter;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * From the start of the workbench: follows the alerts of every connected master, whichever views are open,
 * and shows a popup for each alert raised.
 */
public final class AlertWatch implements IStartup {
    private final Set<String> watched = new HashSet<>();
    private final LiveMonitoring.Listener popup = new LiveMonitoring.Listener() {
        @Override
        public void alert(AlertEvent e) {
            if (!AlertEvent.RAISED.equals(e.event())) {
                return;
            }
            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            if (window == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
                window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
            }
            if (window != null) {
                IWorkbenchWindow w = window;
                AlertPopup.show(w.getShell(), e, () -> showAlerts(w));
            }
        }
    };

    @Override
    public void earlyStartup() {
        UiRunner ui = UiRunner.forWorkbench();
        Servers.addListener(() -> ui.execute(this::watch));
        ui.execute(this::watch);
    }

    private void watch() {
        for (ConnectedServer s : Servers.connected()) {
            LiveMonitoring live = LiveMonitoring.of(s);
            if (watched.add(s.label())) {
                live.addListener(popup);
            }
            live.start();
        }
    }

    /** Opens (or brings forward) the Alerts view in {@code window}. */
    public static void showAlerts(IWorkbenchWindow window) {
        try {
            window.getActivePage().showView(AlertsView.ID);
        } catch (PartInitException e) {
            ErrorReporter.report("Could not open the Alerts view", e);
        }
    }
}
