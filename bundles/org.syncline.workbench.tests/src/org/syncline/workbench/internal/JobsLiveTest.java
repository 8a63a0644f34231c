package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.client.DistributionClient;
import org.syncline.distribution.internal.ui.DistributionPerspective;
import org.syncline.distribution.internal.ui.TopologyEditor;
import org.syncline.distribution.internal.ui.TopologyView;
import org.syncline.distribution.internal.ui.diagram.RunOverlay;
import org.syncline.distribution.internal.ui.jobs.JobDialog;
import org.syncline.distribution.internal.ui.jobs.JobLogView;
import org.syncline.distribution.internal.ui.jobs.JobsView;
import org.syncline.distribution.routing.Hop;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.protocol.Connection;
import org.syncline.testing.ServerProcess;

/**
 * Replication jobs in the Distribution perspective against a real master and two real agents (src-1 and t-1
 * in one group): a job defined in the New Job dialog appears in the Jobs view; one the master refuses keeps the
 * dialog open with the master's sentence; selecting the job draws its planned tree over the topology editor
 * without touching the model; Run Now copies the files and the Job Log shows the run, its target and its
 * file reports, and its statistics, in columns that fit the narrow panel; Show Plan shows the master's plan;
 * Remove asks first: Cancel keeps the job, OK removes it on the master and from the view.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsLiveTest {
    private static final Map<String, String> AS_ADMIN = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
    private Path homes;
    private ServerProcess master;
    private final List<ServerProcess> agents = new ArrayList<>();
    private WorkbenchLink link;
    private IWorkbenchPage page;
    private TopologyEditor editor;
    private JobsView jobs;

    @BeforeAll
    void start() throws Exception {
        homes = Files.createTempDirectory("syncline-ui-jobs");
        master = new ServerProcess(homes.resolve("master"), "--roles", "master", "--set", "distribution.overload-percent=never");
        for (String name : List.of("src-1", "t-1")) {
            var token = master.cli(AS_ADMIN, "--json", "node", "token");
            assertEquals(0, token.exitCode(), token.stderr());
            agents.add(new ServerProcess(homes.resolve(name), "--roles", "agent", "--join", master.address().toString(), "--token",
                    JsonObject.parse(token.stdout()).string("token"), "--set", "distribution.agent-name=" + name, "--set",
                    "distribution.sample-interval=1s", "--set", "distribution.root=" + content(name)));
        }
        try (Connection admin = master.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            DistributionClient topology = new DistributionClient(admin);
            long deadline = System.currentTimeMillis() + 30_000;
            while (topology.load().deployment().getUnassigned().size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            DistributionClient.Loaded t = topology.load();
            Deployment d = t.deployment();
            Region eu = TopologyFactory.eINSTANCE.createRegion();
            eu.setName("eu");
            d.getRegions().add(eu);
            Group web = TopologyFactory.eINSTANCE.createGroup();
            web.setName("web");
            eu.getGroups().add(web);
            for (Server s : new ArrayList<>(d.getUnassigned())) {
                web.getServers().add(s);
            }
            assertEquals(2, web.getServers().size(), "both agents enrolled");
            topology.save(d, t.version().version());
        }
        Path site = content("src-1").resolve("site");
        Files.createDirectories(site.resolve("docs"));
        Files.writeString(site.resolve("index.html"), "<h1>Syncline</h1>\n");
        Files.writeString(site.resolve("docs/readme.txt"), "read me\n");

        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setBounds(0, 0, 1280, 960);
        PlatformUI.getWorkbench().showPerspective(DistributionPerspective.ID, window);
        page = window.getActivePage();
        window.getService(IHandlerService.class).executeCommand("org.syncline.distribution.ui.showJobs", null);
        jobs = (JobsView) page.findView(JobsView.ID);
        assertNotNull(jobs, "Ctrl+Alt+J's command opens the Jobs view");
        assertTrue(jobs.emptyText().startsWith("Connect to a server with the master role"), jobs.emptyText());
        link = WorkbenchLink.connect(master, "admin", ServerProcess.ADMIN_PASSWORD);
        TopologyView tree = (TopologyView) page.findView(TopologyView.ID);
        UiEvents.waitUntil("the tree to show the topology", () -> tree.getContentDescription().startsWith("Topology of " + link.label()));
        window.getService(IHandlerService.class).executeCommand("org.syncline.distribution.ui.openEditor", null);
        editor = (TopologyEditor) page.getActiveEditor();
        UiEvents.waitUntil("the topology in the editor", () -> editor.isLoaded() && !editor.deployment().getRegions().isEmpty());
    }

    private Path content(String agent) {
        return homes.resolve(agent).resolve("data").resolve("content");
    }

    @AfterAll
    void stop() throws Exception {
        if (editor != null) {
            page.closeEditor(editor, false);
        }
        if (link != null) {
            link.close();
        }
        for (ServerProcess a : agents) {
            a.close();
        }
        if (master != null) {
            master.close();
        }
    }

    @Test
    @Order(1)
    void aJobDefinedInTheDialogIsListedAndARefusedOneKeepsTheDialogOpen() throws Exception {
        page.activate(jobs);
        UiEvents.waitUntil("the empty list's hint", () -> jobs.emptyText() != null && jobs.emptyText().startsWith("No jobs on " + link.label()));

        JobDialog refused = jobs.jobDialog(null);
        refused.setBlockOnOpen(false);
        refused.open();
        refused.fill("wrong", "src-1", "site", "server:nowhere:mirror");
        refused.pressOk();
        assertEquals("There is no server 'nowhere' in the topology; 'syncline cli topology show' lists what there is.", refused.errorShown());
        assertNotNull(refused.getShell(), "the dialog stays open with the master's sentence");
        assertNull(refused.saved());
        refused.fill("wrong", "src-1", "site", "nowhere");
        refused.pressOk();
        assertTrue(refused.errorShown().startsWith("Target 'nowhere' is not KIND:NAME:PATH"), refused.errorShown());
        screenshot("jobs-dialog-refused");
        refused.close();

        JobDialog dialog = jobs.jobDialog(null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.fill("site", "src-1", "site", "server:t-1:mirror");
        dialog.pressOk();
        assertNull(dialog.errorShown(), dialog.errorShown());
        assertNull(dialog.getShell(), "a job the master stored closes the dialog");
        assertEquals("site", dialog.saved().name());
        UiEvents.waitUntil("the job in the Jobs view (by its push)", () -> jobs.rows().stream().anyMatch(r -> r.get(0).equals("site")));
        List<String> row = jobs.rows().get(0);
        assertEquals(List.of("site", "yes", "src-1:site", "server:t-1:mirror", "manual"), row.subList(0, 5));
        UiEvents.waitUntil("the last run column", () -> jobs.rows().get(0).get(5).equals("never run"));

        assertTrue(jobs.select("site"));
        press(' ', 0);
        UiEvents.waitUntil("Space disabled the job (by its push)", () -> jobs.rows().get(0).get(1).equals("no"));
        press(' ', 0);
        UiEvents.waitUntil("Space enabled it again", () -> jobs.rows().get(0).get(1).equals("yes"));
    }

    /** A key pressed on the Jobs list. */
    private void press(char character, int keyCode) {
        Event e = new Event();
        e.character = character;
        e.keyCode = keyCode == 0 ? character : keyCode;
        ((TableViewer) jobs.getSite().getSelectionProvider()).getControl().notifyListeners(SWT.KeyDown, e);
    }

    @Test
    @Order(2)
    void selectingAJobDrawsItsPlannedTreeOverTheEditorWithoutChangingTheModel() throws Exception {
        jobs.getSite().getSelectionProvider().setSelection(org.eclipse.jface.viewers.StructuredSelection.EMPTY);
        UiEvents.waitUntil("no overlay while no job is selected", () -> editor.overlay() == null);
        assertTrue(jobs.select("site"));
        UiEvents.waitUntil("the planned tree over the editor", () -> editor.overlay() != null);
        RunOverlay overlay = editor.overlay();
        assertEquals("src-1", overlay.source());
        assertEquals(List.of("src-1->t-1"), overlay.hops().stream().map(h -> h.from() + "->" + h.to()).toList());
        Hop hop = overlay.hops().get(0);
        assertFalse(hop.mode().isEmpty(), "a planned hop carries its policy");
        assertTrue(editor.getContentDescription().contains("the tree a run of 'site' would take now"), editor.getContentDescription());
        assertFalse(editor.isDirty(), "the overlay never changes the model");
        JobLogView log = (JobLogView) page.showView(JobLogView.ID);
        page.activate(jobs);
        UiEvents.waitUntil("the log of a job that never ran", () -> log.getContentDescription().startsWith("Job 'site' has not run yet"));
        page.activate(editor);
        UiEvents.flush();
        screenshot("jobs-overlay-plan");
    }

    @Test
    @Order(3)
    void runNowCopiesTheFilesAndTheJobLogShowsTheRunItsTargetAndItsFiles() throws Exception {
        page.activate(jobs);
        assertTrue(jobs.select("site"));
        press((char) 0, SWT.F9); // Run Now's key
        JobLogView log = (JobLogView) page.showView(JobLogView.ID);
        UiEvents.waitFor("the finished run in the Job Log", () -> log.runRows().stream().filter(r -> r.get(4).equals("ok")).findFirst().orElse(null),
                60);
        List<String> run = log.runRows().get(0);
        assertEquals("manual", run.get(2));
        assertEquals("admin", run.get(3));
        assertEquals("2 / 0 / 0", run.get(6), "two files created");
        assertEquals("26 B", run.get(7), "content: both files' bytes");
        assertEquals("<h1>Syncline</h1>\n", Files.readString(content("t-1").resolve("mirror/index.html")));

        UiEvents.waitUntil("the target's row", () -> !log.targetRows().isEmpty() && log.targetRows().get(0).get(2).equals("ok"));
        assertEquals(List.of("t-1", "src-1", "ok", "2"), log.targetRows().get(0).subList(0, 4));
        UiEvents.waitUntil("the file reports", () -> log.fileRows().size() == 2);
        assertEquals(List.of("docs/readme.txt", "index.html"), log.fileRows().stream().map(f -> f.get(1)).toList());
        assertTrue(log.fileRows().stream().allMatch(f -> f.get(0).equals("t-1") && f.get(2).equals("create") && f.get(7).isEmpty()),
                log.fileRows().toString());
        UiEvents.waitUntil("the Jobs view's last run", () -> jobs.rows().get(0).get(5).startsWith("ok, "));

        log.showTab(2);
        UiEvents.waitUntil("the statistics of the run", () -> log.chartValues(0) != null && log.chartValues(0).length == 1);
        assertEquals(26.0, log.chartValues(0)[0]);
        assertTrue(log.chartValues(1)[0] > 0, "bytes travelled");
        assertEquals(1, log.chartValues(2).length);
        log.showTab(1);
        UiEvents.flush();
        screenshot("jobs-log-files");
        log.showTab(2);
        UiEvents.flush();
        screenshot("jobs-log-statistics");

        UiEvents.waitUntil("the run's tree over the editor, its target ok",
                () -> editor.overlay() != null && "ok".equals(editor.overlay().states().get("t-1")));
        assertEquals(List.of("src-1->t-1"), editor.overlay().hops().stream().map(h -> h.from() + "->" + h.to()).toList());
        assertFalse(editor.isDirty());
        page.activate(editor);
        UiEvents.flush();
        screenshot("jobs-overlay-run");

        jobs.getSite().getSelectionProvider().setSelection(org.eclipse.jface.viewers.StructuredSelection.EMPTY);
        UiEvents.waitUntil("no overlay once no job is selected", () -> editor.overlay() == null);

        // the Job Log sits in the narrow panel below the editor: its columns fit there, none cut below its title
        var table = log.runTable();
        UiEvents.flush();
        int width = table.getClientArea().width;
        int preferred = 960; // the runs columns' preferred widths
        assertTrue(width < preferred, "the bottom panel is narrower than the columns want (" + width + " px), so fitting is what is tested");
        int sum = 0;
        var gc = new GC(table);
        try {
            for (var column : table.getColumns()) {
                sum += column.getWidth();
                assertTrue(column.getWidth() >= gc.textExtent(column.getText()).x, column.getText() + " shows its title");
            }
        } finally {
            gc.dispose();
        }
        assertTrue(sum <= width, "the run columns (" + sum + " px) fit the panel (" + width + " px)");
    }

    @Test
    @Order(4)
    void showPlanShowsTheTreeTheMasterPlans() throws Exception {
        page.activate(jobs);
        // the list is virtual: its rows get items once the view is on top and painted, then they select
        UiEvents.waitUntil("site selected in the Jobs view", () -> jobs.select("site") && "site".equals(jobs.selectedName()));
        String[] said = new String[1];
        UiEvents.answerDialogWhenShown("Plan of site", "OK", said);
        jobs.showPlan(); // what Ctrl+Shift+P, the toolbar and the context menu call
        UiEvents.waitUntil("the plan dialog", () -> said[0] != null);
        var plan = master.cli(AS_ADMIN, "--json", "job", "plan", "site");
        assertEquals(0, plan.exitCode(), plan.stderr());
        JsonObject p = JsonObject.parse(plan.stdout());
        assertEquals("src-1", p.string("source"), plan.stdout());
        assertTrue(said[0].contains("A run now would start at src-1"), said[0]);
        assertTrue(said[0].contains("src-1 \u2192 t-1"), "the master's hop src-1 -> t-1 is shown: " + said[0]);
        assertFalse(said[0].contains("Left out"), "both agents are live: " + said[0]);
    }

    @Test
    @Order(5)
    void removeAsksFirstAndCancelKeepsTheJob() throws Exception {
        page.activate(jobs);
        UiEvents.waitUntil("site selected in the Jobs view", () -> jobs.select("site") && "site".equals(jobs.selectedName()));
        String[] asked = new String[1];
        UiEvents.answerDialogWhenShown("Remove Job", "Cancel", asked);
        jobs.remove(); // what Delete, the toolbar and the context menu call
        UiEvents.waitUntil("the confirmation", () -> asked[0] != null);
        assertTrue(asked[0].contains("Remove job 'site'?"), asked[0]);
        UiEvents.flush();
        assertTrue(jobs.rows().stream().anyMatch(r -> r.get(0).equals("site")), "Cancel keeps the job in the view");
        assertTrue(jobNames().contains("site"), "and on the master");
    }

    @Test
    @Order(6)
    void removeWithOkRemovesTheJobOnTheMasterAndFromTheView() throws Exception {
        page.activate(jobs);
        UiEvents.waitUntil("site selected again after the dialog", () -> jobs.select("site") && "site".equals(jobs.selectedName()));
        String[] asked = new String[1];
        UiEvents.answerDialogWhenShown("Remove Job", "OK", asked);
        jobs.remove();
        UiEvents.waitUntil("the confirmation", () -> asked[0] != null);
        UiEvents.waitUntil("site gone from the view", () -> jobs.rows().stream().noneMatch(r -> r.get(0).equals("site")));
        assertFalse(jobNames().contains("\"site\""), "removed on the master: " + jobNames());
        assertEquals(null, jobs.selectedName(), "nothing stays selected");
    }

    /** The names of the master's jobs, read with the CLI. */
    private String jobNames() throws Exception {
        var list = master.cli(AS_ADMIN, "--json", "job", "list");
        assertEquals(0, list.exitCode(), list.stderr());
        return list.stdout();
    }


    /** Saves the screen to /tmp/NAME.png, for a person to look at the views (the build keeps no check on it). */
    private static void screenshot(String name) {
        Display display = Display.getCurrent();
        UiEvents.flush();
        var bounds = display.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, 0, 0);
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            loader.save(Path.of(System.getProperty("java.io.tmpdir"), name + ".png").toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
