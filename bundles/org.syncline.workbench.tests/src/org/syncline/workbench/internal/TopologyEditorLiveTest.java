package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.distribution.client.DistributionClient;
import org.syncline.distribution.internal.ui.DistributionPerspective;
import org.syncline.distribution.internal.ui.TopologyEditor;
import org.syncline.distribution.internal.ui.TopologyView;
import org.syncline.distribution.internal.ui.diagram.DiagramLayout;
import org.syncline.distribution.internal.ui.diagram.TopologyCanvas;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.protocol.Connection;
import org.syncline.testing.ServerProcess;

/**
 * The Distribution perspective against a real master: the unassigned server is dragged into a group, a route
 * is drawn between the groups, both are undone and redone with the workbench's commands, Ctrl+S's command
 * saves, and another client reads the change; a save by someone else is announced, and saving over it is
 * refused with the master's message and changes nothing.
 */
class TopologyEditorLiveTest {
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-topology");

    @Test
    void dragRouteUndoRedoSaveAndARefusedConflictingSave() throws Exception {
        try (Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            DistributionClient otherClient = new DistributionClient(other);
            otherClient.save(initial(), 0);

            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            PlatformUI.getWorkbench().showPerspective(DistributionPerspective.ID, window);
            IWorkbenchPage page = window.getActivePage();
            assertTrue(page.findView(TopologyView.ID) instanceof TopologyView, "the perspective opens the topology tree");
            assertNotNull(page.findView(IPageLayout.ID_PROP_SHEET), "the perspective shows the Properties view");
            TopologyView tree = (TopologyView) page.findView(TopologyView.ID);

            WorkbenchLink link = server.connectWorkbench();
            try {
                UiEvents.waitUntil("the tree to show version 1", () -> tree.getContentDescription().contains("version 1"));
                IHandlerService handlers = window.getService(IHandlerService.class);
                handlers.executeCommand("org.syncline.distribution.ui.openEditor", null);
                TopologyEditor editor = (TopologyEditor) page.getActiveEditor();
                assertNotNull(editor, "the command opens the topology editor");
                UiEvents.waitUntil("the editor to load", editor::isLoaded);
                TopologyCanvas canvas = editor.canvas();
                Deployment d = editor.deployment();
                Server agent = d.getUnassigned().get(0);
                Group web = group(d, "web");
                Group db = group(d, "db");

                // the editor's keys are bound while it is active
                page.activate(editor);
                UiEvents.flush();
                IBindingService keys = PlatformUI.getWorkbench().getService(IBindingService.class);
                for (String[] key : new String[][] { { "M1+Z", IWorkbenchCommandConstants.EDIT_UNDO }, { "M1+Y", IWorkbenchCommandConstants.EDIT_REDO },
                        { "M1+S", IWorkbenchCommandConstants.FILE_SAVE }, { "DEL", IWorkbenchCommandConstants.EDIT_DELETE },
                        { "M1+C", IWorkbenchCommandConstants.EDIT_COPY }, { "M1+V", IWorkbenchCommandConstants.EDIT_PASTE } }) {
                    var match = keys.getPerfectMatch(KeySequence.getInstance(key[0]));
                    assertNotNull(match, key[0] + " is bound in the editor");
                    assertEquals(key[1], match.getParameterizedCommand().getId(), key[0]);
                }

                // drag the unassigned server into group web
                canvas.drag(centre(canvas.layout().bounds(agent)), centre(canvas.layout().bounds(web)));
                assertEquals(web, agent.getGroup(), "the dropped server is in the group");
                assertTrue(editor.isDirty());

                // a route from web to db, drawn from one group's title bar to the other's
                canvas.useRouteTool();
                canvas.drag(title(canvas.layout().bounds(web)), title(canvas.layout().bounds(db)));
                assertEquals(1, d.getRoutes().size(), "the route is drawn");
                Route route = d.getRoutes().get(0);
                assertEquals(web, route.getFrom());
                assertEquals(db, route.getTo());
                assertTrue(editor.problemsShown().isEmpty(), editor.problemsShown().toString());

                // the editor's selection reaches the tree (Tab walks to the first element, region eu)
                canvas.select(List.of());
                canvas.walk(1);
                UiEvents.flush();
                assertEquals(List.of(d.getRegions().get(0)), tree.viewer().getStructuredSelection().toList(), "the tree follows the editor");
                // the selection reaches the Properties view through the adapter
                IPropertySource props = Adapters.adapt(agent, IPropertySource.class);
                assertNotNull(props, "servers adapt to the Properties view");

                // undo twice: no route, the server back in Unassigned; redo twice brings both back
                handlers.executeCommand(IWorkbenchCommandConstants.EDIT_UNDO, null);
                handlers.executeCommand(IWorkbenchCommandConstants.EDIT_UNDO, null);
                assertTrue(d.getRoutes().isEmpty(), "undo removed the route");
                assertNull(agent.getGroup(), "undo put the server back");
                assertTrue(d.getUnassigned().contains(agent));
                handlers.executeCommand(IWorkbenchCommandConstants.EDIT_REDO, null);
                handlers.executeCommand(IWorkbenchCommandConstants.EDIT_REDO, null);
                assertEquals(web, agent.getGroup());
                assertEquals(1, d.getRoutes().size());

                // export as PNG: the whole diagram, painted by the canvas's painter
                Path png = Files.createTempDirectory("syncline-png").resolve("topology.png");
                editor.export(png, "png");
                var image = new org.eclipse.swt.graphics.ImageLoader().load(png.toString())[0];
                assertEquals(canvas.layout().extent().width + 10, image.width, "the PNG holds the whole diagram");

                handlers.executeCommand(IWorkbenchCommandConstants.FILE_SAVE, null);
                UiEvents.waitUntil("the save", () -> !editor.isDirty() && editor.version() == 2);

                Deployment saved = otherClient.load().deployment();
                assertEquals(List.of("agent-1"), group(saved, "web").getServers().stream().map(Server::getName).toList());
                assertTrue(saved.getUnassigned().isEmpty());
                assertEquals(1, saved.getRoutes().size());
                assertEquals("web", saved.getRoutes().get(0).getFrom().getName());
                assertEquals("db", saved.getRoutes().get(0).getTo().getName());

                // the Properties view: an edit there is a command on the editor's stack, and Ctrl+Z / Ctrl+Y pressed
                // in the Properties view undo and redo it, the editor going dirty and clean with it
                page.activate(editor);
                canvas.select(List.of(agent));
                editor.selectionChanged();
                UiEvents.flush();
                var sheet = page.showView(IPageLayout.ID_PROP_SHEET);
                page.activate(sheet);
                UiEvents.flush();
                assertEquals(sheet, page.getActivePart(), "the Properties view is the active part");
                assertEquals(IWorkbenchCommandConstants.EDIT_UNDO, keys.getPerfectMatch(KeySequence.getInstance("M1+Z")).getParameterizedCommand().getId());
                int port = agent.getPort();
                IPropertySource agentProps = Adapters.adapt(agent, IPropertySource.class);
                agentProps.setPropertyValue("Server.Port", "7450");
                assertEquals(7450, agent.getPort());
                assertTrue(editor.isDirty(), "a Properties edit makes the editor dirty");
                handlers.executeCommand(IWorkbenchCommandConstants.EDIT_UNDO, null);
                assertEquals(port, agent.getPort(), "Undo in the Properties view takes the edit back");
                assertFalse(editor.isDirty(), "and the editor is clean again");
                handlers.executeCommand(IWorkbenchCommandConstants.EDIT_REDO, null);
                assertEquals(7450, agent.getPort(), "Redo in the Properties view");
                assertTrue(editor.isDirty());
                handlers.executeCommand(IWorkbenchCommandConstants.EDIT_UNDO, null);
                assertFalse(editor.isDirty());
                page.activate(editor);
                UiEvents.flush();

                // a clean editor reloads when someone else saves
                var theirs = otherClient.load();
                theirs.deployment().getRegions().get(0).setName("europe");
                otherClient.save(theirs.deployment(), theirs.version().version());
                UiEvents.waitUntil("the pushed version 3", () -> editor.version() == 3);
                assertEquals("europe", editor.deployment().getRegions().get(0).getName());
                assertNull(editor.infoShown(), "a clean editor just reloads");
                assertFalse(editor.isDirty());

                // a dirty editor hears of another save and offers to reload; saving over it is refused
                Deployment reloaded = editor.deployment();
                Server agentNow = group(reloaded, "web").getServers().get(0);
                canvas.useSelectTool();
                canvas.drag(centre(canvas.layout().bounds(agentNow)), centre(canvas.layout().bounds(group(reloaded, "db"))));
                assertEquals("db", agentNow.getGroup().getName());
                var again = otherClient.load();
                again.deployment().getRegions().get(0).setName("emea");
                otherClient.save(again.deployment(), again.version().version());
                UiEvents.waitUntil("the info bar", () -> editor.infoShown() != null && editor.infoShown().contains("Topology changed by admin"));

                String[] dialogText = new String[1];
                UiEvents.closeDialogWhenShown("The topology was not saved", dialogText);
                handlers.executeCommand(IWorkbenchCommandConstants.FILE_SAVE, null);
                UiEvents.waitUntil("the conflict dialog", () -> dialogText[0] != null);
                assertTrue(dialogText[0].contains("saved version 4"), dialogText[0]);
                assertTrue(editor.conflictShown().startsWith("Your change was made on version 3"), editor.conflictShown());
                assertTrue(editor.isDirty(), "the refused change stays in the editor");

                var after = otherClient.load();
                assertEquals(4, after.version().version(), "the refused save wrote nothing");
                assertEquals("emea", after.deployment().getRegions().get(0).getName());
                assertEquals("web", group(after.deployment(), "web").getName());
                assertEquals(1, group(after.deployment(), "web").getServers().size(), "the server stays where the last save put it");

                page.closeEditor(editor, false);
            } finally {
                link.close();
            }
        }
    }

    /** One region, two groups, one server waiting in Unassigned; groups of a region reach each other by default. */
    private static Deployment initial() {
        TopologyFactory f = TopologyFactory.eINSTANCE;
        Deployment d = f.createDeployment();
        d.setName("ui-test");
        d.setSameRegionPolicy(f.createLinkPolicy());
        Region eu = f.createRegion();
        eu.setName("eu");
        d.getRegions().add(eu);
        for (String name : new String[] { "web", "db" }) {
            Group g = f.createGroup();
            g.setName(name);
            eu.getGroups().add(g);
        }
        Server s = f.createServer();
        s.setName("agent-1");
        s.setHost("agent-1.example.org");
        d.getUnassigned().add(s);
        return d;
    }

    private static Group group(Deployment d, String name) {
        return d.getRegions().stream().flatMap(r -> r.getGroups().stream()).filter(g -> name.equals(g.getName())).findFirst().orElseThrow();
    }

    private static Point centre(Rectangle r) {
        return new Point(r.x + r.width / 2, r.y + r.height / 2);
    }

    private static Point title(Rectangle r) {
        return new Point(r.x + r.width / 2, r.y + DiagramLayout.HEADER / 2);
    }
}
