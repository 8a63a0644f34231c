package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.distribution.client.DistributionClient;
import org.syncline.distribution.internal.ui.DistributionPerspective;
import org.syncline.distribution.internal.ui.TopologyEditor;
import org.syncline.distribution.internal.ui.TopologyView;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.protocol.Connection;
import org.syncline.testing.ServerProcess;

/**
 * A server removed from the workbench and added again (the same user, host and port, so the same label) gets its
 * topology read again and followed on the new connection. The workbench kept the first session's document by label:
 * the tree showed the version read before the removal, heard of no later save, and the editor's saves said "Not
 * connected" while the server was connected; opening the editor again brought back the old session's editor.
 */
class TopologyServerAddedAgainLiveTest {
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-topology-again");

    @Test
    void aServerRemovedAndAddedAgainShowsAndFollowsItsCurrentTopology() throws Exception {
        try (Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            DistributionClient admin = new DistributionClient(other);
            admin.save(deployment("first"), 0);

            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            PlatformUI.getWorkbench().showPerspective(DistributionPerspective.ID, window);
            TopologyView tree = (TopologyView) window.getActivePage().findView(TopologyView.ID);

            IHandlerService handlers = window.getService(IHandlerService.class);
            WorkbenchLink first = server.connectWorkbench();
            TopologyEditor before;
            try {
                UiEvents.waitUntil("the tree to show version 1", () -> tree.getContentDescription().contains("version 1"));
                handlers.executeCommand("org.syncline.distribution.ui.openEditor", null);
                before = (TopologyEditor) window.getActivePage().getActiveEditor();
                UiEvents.waitUntil("the editor to load", before::isLoaded);
            } finally {
                first.close();
            }
            admin.save(deployment("saved-while-away"), 1);

            WorkbenchLink again = server.connectWorkbench();
            try {
                assertEquals(first.label(), again.label(), "the same label as before the removal");
                UiEvents.waitUntil("the tree to read version 2 on the new connection", () -> tree.getContentDescription().contains("version 2"));
                assertTrue(regionShown(tree, "saved-while-away"), "the tree shows the current topology");
                handlers.executeCommand("org.syncline.distribution.ui.openEditor", null);
                TopologyEditor after = (TopologyEditor) window.getActivePage().getActiveEditor();
                assertNotSame(before, after, "the old session's editor is not the new session's");
                UiEvents.waitUntil("the new editor to load", after::isLoaded);
                assertEquals(2, after.version());
                window.getActivePage().closeEditor(before, false);
                window.getActivePage().closeEditor(after, false);

                admin.save(deployment("pushed"), 2);
                UiEvents.waitUntil("the tree to hear of version 3", () -> tree.getContentDescription().contains("version 3"));
                assertTrue(regionShown(tree, "pushed"));
            } finally {
                again.close();
            }
        }
    }

    /** Whether a row of the tree (the deployment's, or one below it) names {@code name}. */
    private static boolean regionShown(TopologyView tree, String name) {
        for (org.eclipse.swt.widgets.TreeItem item : tree.viewer().getTree().getItems()) {
            if (item.getText().contains(name)) {
                return true;
            }
            for (org.eclipse.swt.widgets.TreeItem child : item.getItems()) {
                if (child.getText().contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One region named {@code region}. */
    private static Deployment deployment(String region) {
        TopologyFactory f = TopologyFactory.eINSTANCE;
        Deployment d = f.createDeployment();
        d.setName("again");
        d.setSameRegionPolicy(f.createLinkPolicy());
        Region r = f.createRegion();
        r.setName(region);
        d.getRegions().add(r);
        return d;
    }
}
