package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.TextPropertyDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.internal.ui.DistributionPerspective;
import org.syncline.distribution.internal.ui.TopologyEditor;
import org.syncline.distribution.internal.ui.TopologyView;
import org.syncline.distribution.internal.ui.monitor.AlertPopup;
import org.syncline.distribution.internal.ui.monitor.AlertsView;
import org.syncline.distribution.internal.ui.monitor.MonitorView;
import org.syncline.distribution.internal.ui.properties.TopologyPropertySource;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.ServerState;
import org.syncline.testing.ServerProcess;

/**
 * Monitoring in the Distribution perspective against a real master and a real agent process: the agent's
 * server is edited in the Properties view (a port change dirties the editor and is undone; a bad port is
 * refused), its samples fill the Monitor view's charts and keep coming by push, it is coloured by its reports; once it
 * is killed its silent alert shows in the Alerts view and in a popup although the view was closed, and the
 * server turns offline or alerting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringLiveTest {
    private static final Map<String, String> AS_ADMIN = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
    private ServerProcess master;
    private ServerProcess agent;
    private WorkbenchLink link;
    private IWorkbenchPage page;
    private IHandlerService handlers;
    private TopologyEditor editor;

    @BeforeAll
    void start() throws Exception {
        Path homes = Files.createTempDirectory("syncline-ui-monitoring");
        master = new ServerProcess(homes.resolve("master"), "--roles", "master", "--set", "distribution.alert-interval=1s");
        var token = master.cli(AS_ADMIN, "--json", "node", "token");
        assertEquals(0, token.exitCode(), token.stderr());
        agent = new ServerProcess(homes.resolve("web-1"), "--roles", "agent", "--join", master.address().toString(), "--token",
                JsonObject.parse(token.stdout()).string("token"), "--set", "distribution.agent-name=web-1", "--set", "distribution.sample-interval=1s");

        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(DistributionPerspective.ID, window);
        page = window.getActivePage();
        handlers = window.getService(IHandlerService.class);
        MonitorView monitor = (MonitorView) page.findView(MonitorView.ID);
        assertNotNull(monitor, "the perspective shows the Monitor view");
        assertNotNull(page.findView(AlertsView.ID), "the perspective has the Alerts view");
        assertNotNull(page.findView(IPageLayout.ID_PROP_SHEET), "the perspective has the Properties view");
        assertTrue(monitor.emptyText().startsWith("Connect to a server with the master role"), monitor.emptyText());

        link = WorkbenchLink.connect(master, "admin", ServerProcess.ADMIN_PASSWORD);
        TopologyView tree = (TopologyView) page.findView(TopologyView.ID);
        UiEvents.waitUntil("the tree to show the topology of " + link.label(), () -> tree.getContentDescription().startsWith("Topology of " + link.label()));
        handlers.executeCommand("org.syncline.distribution.ui.openEditor", null);
        editor = (TopologyEditor) page.getActiveEditor();
        UiEvents.waitUntil("the enrolled agent in the editor", () -> editor.isLoaded() && webServer() != null);
    }

    @AfterAll
    void stop() throws Exception {
        if (editor != null) {
            page.closeEditor(editor, false);
        }
        if (link != null) {
            link.close();
        }
        agent.close();
        master.close();
    }

    private Server webServer() {
        return editor.deployment().getUnassigned().stream().filter(s -> "web-1".equals(s.getName())).findFirst().orElse(null);
    }

    @Test
    @Order(1)
    void thePropertiesViewEditsAServerThroughTheCommandStack() throws Exception {
        Server web = webServer();
        int port = web.getPort();
        TopologyPropertySource props = (TopologyPropertySource) Adapters.adapt(web, IPropertySource.class);
        assertNotNull(props, "a server adapts to an editable property source");
        assertTrue(Arrays.stream(props.getPropertyDescriptors()).anyMatch(d -> d.getId().equals("Server.Port") && d instanceof TextPropertyDescriptor),
                "the port is edited as text");
        assertFalse(editor.isDirty());

        props.setPropertyValue("Server.Port", "7123");
        assertEquals(7123, web.getPort());
        assertTrue(editor.isDirty(), "an edit in Properties makes the editor dirty");

        assertEquals("A port is a whole number from 1 to 65535.", props.refusal("Server.Port", "70000"));
        props.setPropertyValue("Server.Port", "70000");
        assertEquals(7123, web.getPort(), "a bad port is refused and changes nothing");
        assertTrue(props.refusal("Server.Name", "").startsWith("A name is 1-64 letters"), "an empty name is refused");
        props.setPropertyValue("Server.Name", "");
        assertEquals("web-1", web.getName());

        props.setPropertyValue("Server.Tags", "images, video");
        assertEquals(List.of("images", "video"), web.getTags());

        page.activate(editor);
        handlers.executeCommand(IWorkbenchCommandConstants.EDIT_UNDO, null);
        assertEquals(List.of(), web.getTags(), "undo takes the tags back");
        handlers.executeCommand(IWorkbenchCommandConstants.EDIT_UNDO, null);
        assertEquals(port, web.getPort(), "undo restores the port");
        assertFalse(editor.isDirty(), "undoing every edit leaves the editor clean");
        handlers.executeCommand(IWorkbenchCommandConstants.EDIT_REDO, null);
        assertEquals(7123, web.getPort(), "redo applies it again");

        handlers.executeCommand(IWorkbenchCommandConstants.EDIT_UNDO, null);
        assertEquals(port, web.getPort());
        assertFalse(editor.isDirty());
        page.activate(editor);
    }

    @Test
    @Order(2)
    void theMonitorViewChartsTheSelectedServersSamplesAndFollowsPushes() throws Exception {
        MonitorView monitor = (MonitorView) page.showView(MonitorView.ID);
        TopologyView tree = (TopologyView) page.findView(TopologyView.ID);
        page.activate(tree);
        tree.viewer().setSelection(StructuredSelection.EMPTY);
        UiEvents.flush();
        assertEquals(MonitorView.SELECT_TEXT, monitor.emptyText(), "without a selected server the view says what to do");

        tree.viewer().setSelection(new StructuredSelection(webServer()), true);
        UiEvents.waitUntil("web-1's CPU series", () -> monitor.values("CPU", "web-1") != null && monitor.values("CPU", "web-1").length >= 2);
        assertNull(monitor.emptyText(), "the charts are shown");
        for (String chart : List.of("CPU", "Memory", "Disk")) {
            double[] v = monitor.values(chart, "web-1");
            assertNotNull(v, chart + " has web-1's series");
            assertTrue(Arrays.stream(v).allMatch(x -> x >= 0 && x <= 100), chart + " is in percent: " + Arrays.toString(v));
        }
        assertTrue(Arrays.stream(monitor.values("Memory", "web-1")).allMatch(x -> x > 0), "a running machine uses memory");
        assertTrue(monitor.series("Network").containsAll(List.of("web-1 in", "web-1 out")), monitor.series("Network").toString());
        int before = monitor.values("CPU", "web-1").length;
        UiEvents.waitUntil("a pushed sample", () -> monitor.values("CPU", "web-1").length > before);

        monitor.setRange(1);
        UiEvents.waitUntil("the last hour's series", () -> monitor.values("CPU", "web-1") != null && monitor.values("CPU", "web-1").length >= before);

        // online, or overloaded when the machine running the test is busy: either way a state from its reports
        UiEvents.waitUntil("web-1 coloured by its reports",
                () -> webServer().getState() == ServerState.ONLINE || webServer().getState() == ServerState.OVERLOADED);
    }

    @Test
    @Order(3)
    void aKilledAgentTurnsOfflineWithoutAnyAlertRuleAndOnlineWhenItIsBack() throws Exception {
        var rules = master.cli(AS_ADMIN, "--json", "alert", "rules");
        assertEquals(0, rules.exitCode(), rules.stderr());
        assertEquals(List.of(), JsonObject.parse(rules.stdout()).list("rules"), "no alert rule is defined");
        MonitorView monitor = (MonitorView) page.showView(MonitorView.ID);
        TopologyView tree = (TopologyView) page.findView(TopologyView.ID);
        tree.viewer().setSelection(new StructuredSelection(webServer()), true);
        agent.kill9();
        // three missed heartbeats of 1 s, checked every second on the master, then pushed: no sample or alert brings it
        UiEvents.waitUntil("web-1 offline in the editor", () -> webServer().getState() == ServerState.OFFLINE);
        UiEvents.waitUntil("web-1 offline in the Monitor view", () -> monitor.getContentDescription().contains("web-1 (offline)"));
        String label = ((org.eclipse.jface.viewers.ILabelProvider) tree.viewer().getLabelProvider()).getText(webServer());
        assertTrue(label.endsWith("[offline]"), "the tree shows it: " + label);

        agent.start();
        UiEvents.waitUntil("web-1 online again at its next heartbeat",
                () -> webServer().getState() == ServerState.ONLINE || webServer().getState() == ServerState.OVERLOADED);
        UiEvents.waitUntil("the Monitor view follows", () -> !monitor.getContentDescription().contains("(offline)"));
    }

    @Test
    @Order(4)
    void aKilledAgentsAlertShowsInAPopupAndTheAlertsView() throws Exception {
        AlertsView closed = (AlertsView) page.findView(AlertsView.ID);
        page.hideView(closed);
        assertNull(page.findView(AlertsView.ID), "the Alerts view is closed");
        var rule = master.cli(AS_ADMIN, "alert", "rule", "add", "--kind", "silent", "--seconds", "3");
        assertEquals(0, rule.exitCode(), rule.stderr());
        agent.kill9();

        Shell popup = UiEvents.waitFor("the alert popup", () -> Arrays.stream(Display.getCurrent().getShells())
                .filter(s -> s.getData(AlertPopup.DATA_KEY) != null && s.isVisible()).findFirst().orElse(null), 45);
        String shown = String.join("\n", UiEvents.texts(popup));
        assertTrue(shown.contains("web-1") && shown.contains("agent silent for 3 s"), shown);
        assertTrue(shown.contains("Ctrl+Alt+A"), "the popup names the key that opens the Alerts view: " + shown);

        handlers.executeCommand("org.syncline.distribution.ui.showAlerts", null);
        AlertsView alerts = (AlertsView) page.findView(AlertsView.ID);
        assertNotNull(alerts, "Ctrl+Alt+A's command opens the Alerts view");
        UiEvents.waitUntil("the alert in the view", () -> alerts.rows().stream().anyMatch(r -> r.get(1).equals("web-1") && r.get(3).equals("(active)")));
        List<String> row = alerts.rows().stream().filter(r -> r.get(1).equals("web-1")).findFirst().orElseThrow();
        assertEquals("agent silent for 3 s", row.get(0));
        alerts.setActiveOnly(true);
        assertTrue(alerts.rows().stream().allMatch(r -> r.get(3).equals("(active)")), alerts.rows().toString());
        assertFalse(alerts.rows().isEmpty());

        UiEvents.waitUntil("web-1 coloured offline or alerting",
                () -> webServer().getState() == ServerState.OFFLINE || webServer().getState() == ServerState.ALERTING);
    }
}
