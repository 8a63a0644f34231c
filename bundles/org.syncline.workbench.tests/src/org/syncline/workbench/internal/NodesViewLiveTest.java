package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syncline.documents.NodeInfo;
import org.syncline.documents.internal.ui.DocumentsPerspective;
import org.syncline.documents.internal.ui.NodesView;
import org.syncline.testing.ServerProcess;

/**
 * The Storage Nodes view against a real registry and a real storage node that joined it: the node appears
 * up, its properties show, and when it is killed the row turns down by push, without a refresh.
 */
class NodesViewLiveTest {
    private static ServerProcess registry;
    private static ServerProcess node;

    @BeforeAll
    static void startServers() throws Exception {
        Path homes = Files.createTempDirectory("syncline-ui-nodes");
        registry = new ServerProcess(homes.resolve("registry"), "--roles", "registry");
        var token = registry.cli(Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD), "node", "token");
        assertEquals(0, token.exitCode(), token.stderr());
        node = new ServerProcess(homes.resolve("node"), "--roles", "storage", "--join", registry.address().toString(), "--token",
                token.stdout().lines().findFirst().orElseThrow().strip(), "--set", "docs.node-name=vault", "--set", "docs.heartbeat=1s");
    }

    @AfterAll
    static void stopServers() throws Exception {
        node.close();
        registry.close();
    }

    @Test
    void aJoinedNodeShowsUpAndTurnsDownByPush() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(DocumentsPerspective.ID, window);
        IWorkbenchPage page = window.getActivePage();
        IViewPart part = page.findView(NodesView.ID);
        assertTrue(part instanceof NodesView, "the Documents perspective opens the Storage Nodes view");
        Table table = ((TableViewer) part.getViewSite().getSelectionProvider()).getTable();
        assertTrue((table.getStyle() & SWT.VIRTUAL) != 0, "the nodes table is virtual");

        try (WorkbenchLink link = WorkbenchLink.connect(registry, "admin", ServerProcess.ADMIN_PASSWORD)) {
            UiEvents.waitUntil("the node, up", () -> row(table) != null && "up".equals(row(table).getText(2)));
            assertEquals(node.address().toString(), row(table).getText(1));
            IPropertySource props = Adapters.adapt((NodeInfo) row(table).getData(), IPropertySource.class);
            assertNotNull(props, "nodes adapt to the Properties view");
            Map<String, Object> shown = new HashMap<>();
            for (var d : props.getPropertyDescriptors()) {
                shown.put(d.getDisplayName(), props.getPropertyValue(d.getId()));
            }
            assertEquals("vault", shown.get("Name"));
            assertEquals("up", shown.get("Status"));

            // a document registered elsewhere raises the node's count in the view by itself (live, no F5)
            assertEquals("0", row(table).getText(5));
            try (org.syncline.protocol.Connection other = registry.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
                new org.syncline.documents.client.DocumentsClient(other).register("ledger.txt", "ann", "", java.util.List.of(), "vault",
                        new java.io.ByteArrayInputStream("ledger".getBytes()));
            }
            UiEvents.waitUntil("the node's count of 1, pushed", () -> row(table) != null && "1".equals(row(table).getText(5)));

            node.kill9();
            UiEvents.waitUntil("the node, down by push", () -> row(table) != null && "down".equals(row(table).getText(2)));

            page.activate(part);
            table.setFocus();
            UiEvents.flush();
            org.eclipse.ui.keys.IBindingService keys = PlatformUI.getWorkbench().getService(org.eclipse.ui.keys.IBindingService.class);
            var f5 = keys.getPerfectMatch(org.eclipse.jface.bindings.keys.KeySequence.getInstance("F5"));
            assertNotNull(f5, "F5 is bound in the Storage Nodes view");
            assertEquals("org.syncline.documents.ui.refreshNodes", f5.getParameterizedCommand().getId());
        }
    }

    private static TableItem row(Table table) {
        for (TableItem item : table.getItems()) {
            if ("vault".equals(item.getText(0))) {
                return item;
            }
        }
        return null;
    }
}
