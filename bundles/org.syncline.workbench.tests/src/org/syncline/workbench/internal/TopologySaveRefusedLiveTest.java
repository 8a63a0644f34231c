package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.Test;
import org.syncline.admin.client.AdminClient;
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
 * A user without the admin role edits the topology in the workbench and saves: the master refuses, and the
 * editor says so with the master's sentence (a dialog and its info bar), keeps the change and stays dirty;
 * the master's topology is unchanged.
 */
class TopologySaveRefusedLiveTest {
    @Test
    void aPlainUsersSaveIsRefusedAndTheEditorSaysWhy() throws Exception {
        try (ServerProcess server = new ServerProcess(Files.createTempDirectory("syncline-ui-rights"));
                Connection admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            new AdminClient(admin).addUser("viewer", "viewer-password-1".toCharArray(), false);
            DistributionClient adminClient = new DistributionClient(admin);
            Deployment d = TopologyFactory.eINSTANCE.createDeployment();
            d.setName("rights");
            Region eu = TopologyFactory.eINSTANCE.createRegion();
            eu.setName("eu");
            d.getRegions().add(eu);
            adminClient.save(d, 0);

            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            PlatformUI.getWorkbench().showPerspective(DistributionPerspective.ID, window);
            IWorkbenchPage page = window.getActivePage();
            IHandlerService handlers = window.getService(IHandlerService.class);
            WorkbenchLink link = WorkbenchLink.connect(server, "viewer", "viewer-password-1");
            try {
                TopologyView tree = (TopologyView) page.findView(TopologyView.ID);
                UiEvents.waitUntil("the tree to show version 1 of " + link.label(),
                        () -> tree.getContentDescription().equals("Topology of " + link.label() + ", version 1"));
                handlers.executeCommand("org.syncline.distribution.ui.openEditor", null);
                UiEvents.waitUntil("the editor of " + link.label() + " (Servers.selected: " + org.syncline.ui.Servers.selected().map(s -> s.label()) + ")",
                        () -> page.getActiveEditor() instanceof TopologyEditor e && e.getTitle().contains(link.label()));
                TopologyEditor editor = (TopologyEditor) page.getActiveEditor();
                UiEvents.waitUntil("the editor to load", editor::isLoaded);

                Region region = editor.deployment().getRegions().get(0);
                IPropertySource props = Adapters.adapt(region, IPropertySource.class);
                props.setPropertyValue("Region.Name", "europe");
                assertEquals("europe", region.getName());
                assertTrue(editor.isDirty());

                String[] dialog = new String[1];
                UiEvents.closeDialogWhenShown("The topology was not saved", dialog);
                handlers.executeCommand(IWorkbenchCommandConstants.FILE_SAVE, null);
                UiEvents.waitUntil("the refusal dialog", () -> dialog[0] != null);
                assertTrue(dialog[0].contains("admin"), "the dialog names the missing role: " + dialog[0]);
                assertTrue(dialog[0].contains(editor.conflictShown()), dialog[0]);
                assertTrue(editor.infoShown().contains("Not saved: " + editor.conflictShown()), editor.infoShown());
                assertTrue(editor.isDirty(), "the refused change stays in the editor");
                assertEquals("europe", region.getName());

                var held = adminClient.load();
                assertEquals(1, held.version().version(), "nothing was saved");
                assertEquals("eu", held.deployment().getRegions().get(0).getName());
                page.closeEditor(editor, false);
            } finally {
                link.close();
            }
        }
    }
}
