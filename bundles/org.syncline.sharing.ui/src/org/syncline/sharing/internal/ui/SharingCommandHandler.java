package org.syncline.sharing.internal.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.syncline.core.SynclineException;
import org.syncline.sharing.host.RoomRequest;
import org.syncline.sharing.host.ShareTarget;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ErrorReporter;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * The Sharing commands: Join and Refresh act on the Rooms view, Request Control on the active viewer's room, Share a
 * Window... and Stop Sharing on this workbench's hosted sharing.
 */
public final class SharingCommandHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        IWorkbenchPage page = window.getActivePage();
        try {
            switch (event.getCommand().getId()) {
                case "org.syncline.sharing.ui.join" -> ((RoomsView) page.showView(RoomsView.ID)).joinSelected();
                case "org.syncline.sharing.ui.refresh" -> ((RoomsView) page.showView(RoomsView.ID)).refresh();
                case "org.syncline.sharing.ui.requestControl" ->
                    ((ParticipantsView) page.showView(ParticipantsView.ID, null, IWorkbenchPage.VIEW_VISIBLE)).requestControl();
                case "org.syncline.sharing.ui.shareWindow" -> shareWindow(window.getShell(), page);
                case "org.syncline.sharing.ui.stopSharing" -> HostedSharing.instance().stop();
                default -> throw new IllegalArgumentException("no such sharing command: " + event.getCommand().getId());
            }
        } catch (PartInitException e) {
            ErrorReporter.report("Could not open the Sharing view", e);
        }
        return null;
    }

    private static void shareWindow(Shell shell, IWorkbenchPage page) throws PartInitException {
        if (HostedSharing.instance().running() != null) {
            MessageDialog.openInformation(shell, "Share a Window", "You are already sharing '"
                    + HostedSharing.instance().room().title() + "'; stop it first (Ctrl+Alt+X).");
            return;
        }
        ConnectedServer server = Servers.selected().filter(ConnectedServer::isConnected).orElse(null);
        if (server == null) {
            MessageDialog.openInformation(shell, "Share a Window", "Connect to a server first (File > Connect to Server...).");
            return;
        }
        ShareWindowDialog dialog = new ShareWindowDialog(shell);
        if (dialog.open() != Window.OK) {
            return;
        }
        page.showView(ParticipantsView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
        start(shell, server, dialog.request(), dialog.target());
    }

    /** Starts sharing off the UI thread; control requests open a {@link ControlPrompt}; a refusal is one sentence. */
    public static void start(Shell shell, ConnectedServer server, RoomRequest request, ShareTarget target) {
        UiRunner ui = new UiRunner(shell.getDisplay());
        Thread t = new Thread(() -> {
            try {
                HostedSharing.instance().start(server, request, target,
                        (session, user) -> ui.execute(() -> new ControlPrompt(shell, session, user).open()));
            } catch (SynclineException e) {
                ui.execute(() -> MessageDialog.openError(shell, "Share a Window", "Could not share: " + e.getMessage()));
            }
        }, "sharing start");
        t.setDaemon(true);
        t.start();
    }
}
