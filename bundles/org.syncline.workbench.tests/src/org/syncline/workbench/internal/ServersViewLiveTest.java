package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syncline.protocol.ServerStatus;
import org.syncline.protocol.Connection;
import org.syncline.protocol.FingerprintPrompt;
import org.syncline.testing.ServerProcess;
import org.syncline.ui.SynclineViews;
import org.syncline.ui.internal.servers.ServerConnections;
import org.syncline.ui.internal.servers.ServerEntry;

/** The Servers view against a real server process: connect, live state, disconnect, remove. */
class ServersViewLiveTest {
    private static ServerProcess server;
    private static String version;

    @BeforeAll
    static void startServer() throws Exception {
        server = new ServerProcess(Files.createTempDirectory("syncline-ui-live"));
        try (Connection c = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            version = ServerStatus.of(c).version();
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void connectingShowsTheServersVersionAndLiveState() throws Exception {
        Table table = serversTable();
        ServerEntry entry = new ServerEntry(server.address(), "admin");
        ServerConnections.instance().connect(entry, ServerProcess.ADMIN_PASSWORD.toCharArray(), FingerprintPrompt.ACCEPT_NEW, false);

        TableItem row = waitForRow(table, entry.label(), "Connected");
        assertEquals(version, row.getText(2), "the Version column shows what the server reported");
        assertTrue(Integer.parseInt(row.getText(4)) >= 1, "the Sessions column counts this session");
        assertTrue(row.getText(5).contains("hub"), row.getText(5));

        // a second session elsewhere is pushed to the view without any action here
        int before = Integer.parseInt(row.getText(4));
        try (Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            UiEvents.waitUntil("sessions to grow", () -> Integer.parseInt(findRow(table, entry.label()).getText(4)) > before);
        }

        ServerConnections.instance().disconnect(entry.label());
        TableItem disconnected = waitForRow(table, entry.label(), "Disconnected");
        assertEquals("", disconnected.getText(2));

        ServerConnections.instance().remove(entry.label());
        UiEvents.waitUntil("the row to go", () -> findRow(table, entry.label()) == null);
    }

    @Test
    void wrongPasswordLeavesTheServerDisconnectedAndLogsWhy() throws Exception {
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        try {
            Table table = serversTable();
            ServerEntry entry = new ServerEntry(server.address(), "admin");
            ServerConnections.instance().connect(entry, "not-the-password".toCharArray(), FingerprintPrompt.ACCEPT_NEW, false);
            waitForRow(table, entry.label(), "Disconnected");
            UiEvents.waitUntil("the failure in the Error Log", () -> logged.stream().anyMatch(s -> s.getMessage().contains("AUTH_FAILED")));
            IStatus entryInLog = logged.stream().filter(s -> s.getMessage().contains("AUTH_FAILED")).findFirst().orElse(null);
            assertNotNull(entryInLog);
            assertTrue(entryInLog.getMessage().startsWith("Could not connect to " + entry.label()), entryInLog.getMessage());
            ServerConnections.instance().remove(entry.label());
        } finally {
            Platform.removeLogListener(listener);
        }
    }

    private static Table serversTable() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        var view = page.showView(SynclineViews.SERVERS);
        UiEvents.flush();
        return ((org.eclipse.jface.viewers.TableViewer) view.getViewSite().getSelectionProvider()).getTable();
    }

    private static TableItem findRow(Table table, String name) {
        for (TableItem item : table.getItems()) {
            if (item.getText(0).equals(name)) {
                return item;
            }
        }
        return null;
    }

    private static TableItem waitForRow(Table table, String name, String state) throws InterruptedException {
        UiEvents.waitUntil(name + " " + state, () -> {
            TableItem item = findRow(table, name);
            return item != null && item.getText(1).equals(state);
        });
        return findRow(table, name);
    }
}
