package org.syncline.workbench.internal;

import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;
import org.syncline.admin.client.AdminClient;
import org.syncline.protocol.Connection;
import org.syncline.sharing.capture.WindowCapture;
import org.syncline.sharing.capture.WindowCaptures;
import org.syncline.sharing.capture.WindowInfo;
import org.syncline.sharing.internal.ui.SharingPerspective;
import org.syncline.testing.ServerProcess;
import org.syncline.ui.ConnectedServer;

/**
 * What the sharing UI tests share: a relay (the server product, {@code --roles relay}) with users whose password
 * is their name plus {@code -password-1}, the Sharing perspective, the workbench connected to the relay as admin,
 * and the workbench's own window as the capture lists it.
 */
final class SharingRelayFixture implements AutoCloseable {
    final ServerProcess server;
    private WorkbenchLink link;

    private SharingRelayFixture(ServerProcess server) {
        this.server = server;
    }

    static SharingRelayFixture start(String name, String... users) throws Exception {
        ServerProcess server = new ServerProcess(Files.createTempDirectory(name), "--roles", "relay");
        try (Connection admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            AdminClient admins = new AdminClient(admin);
            for (String user : users) {
                admins.addUser(user, password(user).toCharArray(), false);
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return new SharingRelayFixture(server);
    }

    static String password(String user) {
        return user + "-password-1";
    }

    Connection connect(String user) {
        return server.connect(user, password(user));
    }

    /** Shows the Sharing perspective in the active workbench window. */
    static IWorkbenchPage sharingPerspective() throws WorkbenchException {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(SharingPerspective.ID, window);
        return window.getActivePage();
    }

    /** Connects the workbench to the relay as admin and waits until it is connected. */
    ConnectedServer connectWorkbench() {
        link = WorkbenchLink.connect(server, "admin", ServerProcess.ADMIN_PASSWORD);
        return link.connected();
    }

    /** Takes the workbench's connection to the relay away again. */
    void disconnectWorkbench() {
        if (link != null) {
            link.close();
        }
    }

    /** The workbench's own top-level window as the sharing capture lists it (what Share a Window... offers). */
    static WindowInfo workbenchWindow(IWorkbenchWindow window) {
        try (WindowCapture desktop = WindowCaptures.forThisDesktop()) {
            List<WindowInfo> listed = desktop.listWindows(16);
            long pid = ProcessHandle.current().pid();
            return listed.stream().filter(w -> w.title().equals(window.getShell().getText()) || w.pid() == pid)
                    .max(Comparator.comparingLong(w -> (long) w.bounds().width() * w.bounds().height()))
                    .orElseThrow(() -> new AssertionError("the workbench window '" + window.getShell().getText()
                            + "' (pid " + pid + ") is not among " + listed));
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
