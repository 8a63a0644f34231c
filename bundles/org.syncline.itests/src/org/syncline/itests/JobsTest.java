package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.syncline.admin.client.AdminClient;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobChange;
import org.syncline.distribution.client.DistributionClient;
import org.syncline.distribution.client.JobsClient;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.protocol.Connection;
import org.syncline.testing.ServerProcess;

/**
 * Replication jobs on a real master (the server product as a process, Derby on disk): create, edit, list,
 * disable and remove through the CLI, pushes to a subscriber, the definition surviving a restart, and the
 * refusals: a plain user, an unknown target, a bad cron expression, a path that leaves the root.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsTest {
    private static final TopologyFactory F = TopologyFactory.eINSTANCE;
    private static final Map<String, String> AS_ADMIN = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
    private static final Map<String, String> AS_VIEWER = Map.of("SYNCLINE_USER", "viewer", "SYNCLINE_PASSWORD", "viewer-password-1");
    /** The CLI's exit codes (org.syncline.cli.api.ExitCodes): a refusal, and a refusal of an invalid argument. */
    private static final int FAILED = 1;
    private static final int USAGE = 2;
    private ServerProcess server;
    private Connection admin;

    @BeforeAll
    void start() throws Exception {
        server = new ServerProcess(Files.createTempDirectory("syncline-itest-jobs"));
        admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD);
        new AdminClient(admin).addUser("viewer", "viewer-password-1".toCharArray(), false);
        new DistributionClient(admin).save(topology(), 0);
    }

    @AfterAll
    void stop() throws Exception {
        admin.close();
        server.close();
    }

    @Test
    @Order(1)
    void anAdminCreatesAJobThroughTheCliAndASubscriberIsTold() throws Exception {
        try (Connection viewerConn = server.connect("viewer", "viewer-password-1")) {
            BlockingQueue<JobChange> pushed = new LinkedBlockingQueue<>();
            try (AutoCloseable watch = new JobsClient(viewerConn).watch(pushed::add)) {
                var created = server.cli(AS_ADMIN, "--json", "job", "create", "nightly", "--source", "src-1", "--path", "site", "--path", "media",
                        "--target", "group:eu/web:site", "--target", "region:us:mirror", "--target", "tag:images:pics", "--include", "*.jpg",
                        "--include", "re:docs/.*\\.pdf", "--exclude", "tmp", "--ops", "create,update", "--type-tag", "*.jpg=images", "--cron",
                        "0 22 * * MON-FRI", "--window", "22:00-06:00", "--retry", "5", "--recovery", "scheduled", "--recover-at", "03:00");
                assertEquals(0, created.exitCode(), created.stderr());
                JsonObject j = JsonObject.parse(created.stdout());
                assertEquals("nightly", j.string("name"));
                assertEquals(true, j.map().get("enabled"));
                assertEquals(List.of("site", "media"), j.list("sourcePaths"));
                assertEquals(List.of("create", "update"), j.list("operations"));
                assertEquals("cron", j.string("trigger"));
                assertEquals("0 22 * * MON-FRI", j.string("cron"));
                assertEquals("22:00-06:00", j.string("window"));
                assertEquals("scheduled", j.string("recovery"));
                assertEquals("03:00", j.string("recoverAt"));
                assertEquals("admin", j.string("createdBy"));
                assertEquals(3, j.list("targets").size());

                JobChange change = pushed.poll(20, TimeUnit.SECONDS);
                assertEquals("created", change.change());
                assertEquals("nightly", change.job().name());
                assertEquals("admin", change.by());
            }
        }
        var list = server.cli(AS_ADMIN, "job", "list");
        assertEquals(0, list.exitCode(), list.stderr());
        assertTrue(list.stdout().contains("nightly"), list.stdout());
        assertTrue(list.stdout().contains("cron 0 22 * * MON-FRI within 22:00-06:00"), list.stdout());
        assertTrue(list.stdout().contains("group:eu/web:site region:us:mirror tag:images:pics"), list.stdout());
        assertTrue(list.stdout().endsWith("1 job.\n") || list.stdout().endsWith("1 job."), list.stdout());
    }

    @Test
    @Order(2)
    void editReplacesOnlyTheFlagsGivenAndDisableSticksAcrossARestart() throws Exception {
        var edited = server.cli(AS_ADMIN, "--json", "job", "edit", "nightly", "--interval", "2h", "--rename", "every-2h", "--ops", "all");
        assertEquals(0, edited.exitCode(), edited.stderr());
        JsonObject j = JsonObject.parse(edited.stdout());
        assertEquals("every-2h", j.string("name"));
        assertEquals("interval", j.string("trigger"));
        assertEquals(7200, j.number("intervalSeconds"));
        assertEquals("", j.string("cron"), "a new trigger replaces the old one and its window");
        assertEquals(List.of("create", "update", "delete", "move", "erase"), j.list("operations"));
        assertEquals(List.of("*.jpg", "re:docs/.*\\.pdf"), j.list("includes"), "what was not given stays");
        assertEquals(5, j.number("retryLimit"));

        // no agent has joined this master: every target is left out of the plan, none is sent to
        var plan = server.cli(AS_ADMIN, "--json", "job", "plan", "every-2h");
        assertEquals(1, plan.exitCode(), plan.stdout());
        assertTrue(plan.stderr().contains("The source server 'src-1' is not available"), plan.stderr());

        var disabled = server.cli(AS_ADMIN, "job", "disable", "every-2h");
        assertEquals(0, disabled.exitCode(), disabled.stderr());
        assertEquals("Job 'every-2h' is disabled.\n", disabled.stdout());

        admin.close();
        assertEquals(143, server.terminate(), "SIGTERM");
        server.start();
        admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD);
        Job after = new JobsClient(admin).get("every-2h");
        assertFalse(after.enabled());
        assertEquals("interval", after.trigger());
        assertEquals("admin", after.modifiedBy());
        assertTrue(!after.modified().isBefore(after.created()));
        var show = server.cli(AS_ADMIN, "job", "show", "every-2h");
        assertEquals(0, show.exitCode(), show.stderr());
        assertTrue(show.stdout().startsWith("Job 'every-2h' (disabled)\n  source      src-1: site, media\n"), show.stdout());
    }

    @Test
    @Order(3)
    void aPlainUserReadsJobsButCannotChangeThem() throws Exception {
        try (Connection viewerConn = server.connect("viewer", "viewer-password-1")) {
            JobsClient viewer = new JobsClient(viewerConn);
            assertEquals(List.of("every-2h"), viewer.list().stream().map(Job::name).toList());
            Job j = viewer.get("every-2h");
            for (var attempt : List.<org.junit.jupiter.api.function.Executable>of(() -> viewer.enable("every-2h"), () -> viewer.remove("every-2h"),
                    () -> viewer.recover("every-2h"),
                    () -> viewer.update("every-2h", j), () -> viewer.create(new Job(0, "mine", true, j.source(), j.sourcePaths(), j.targets(),
                            List.of(), List.of(), List.of("create"), Map.of(), "manual", "", 0, "", 0, "immediate", "", "", null, "", null)))) {
                assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, attempt).code());
            }
        }
        var cli = server.cli(AS_VIEWER, "job", "create", "mine", "--source", "src-1", "--path", "site", "--target", "server:web-2:site");
        assertEquals(FAILED, cli.exitCode());
        assertTrue(cli.stderr().startsWith("syncline: ACCESS_DENIED"), cli.stderr());
        assertFalse(new JobsClient(admin).get("every-2h").enabled(), "nothing changed");
        assertEquals(1, new JobsClient(admin).list().size());
    }

    @Test
    @Order(4)
    void unknownTargetsBadSchedulesAndPathTricksAreRefusedWithASentence() throws Exception {
        var unknown = server.cli(AS_ADMIN, "job", "create", "bad", "--source", "src-1", "--path", "site", "--target", "server:nope:site");
        assertEquals(FAILED, unknown.exitCode());
        assertTrue(unknown.stderr().startsWith("syncline: NOT_FOUND: There is no server 'nope' in the topology"), unknown.stderr());
        var group = server.cli(AS_ADMIN, "job", "create", "bad", "--source", "src-1", "--path", "site", "--target", "group:web:site");
        assertTrue(group.stderr().contains("There is no group 'web' (written region/group)"), group.stderr());
        var source = server.cli(AS_ADMIN, "job", "create", "bad", "--source", "ghost", "--path", "site", "--target", "server:web-2:site");
        assertTrue(source.stderr().contains("The source server 'ghost' is not in the topology"), source.stderr());
        var cron = server.cli(AS_ADMIN, "job", "create", "bad", "--source", "src-1", "--path", "site", "--target", "server:web-2:site",
                "--cron", "0 25 * * *");
        assertEquals(USAGE, cron.exitCode());
        assertTrue(cron.stderr().contains("'25' is not a valid hour"), cron.stderr());
        var escape = server.cli(AS_ADMIN, "job", "create", "bad", "--source", "src-1", "--path", "../etc", "--target", "server:web-2:site");
        assertTrue(escape.stderr().startsWith("syncline: INVALID_PATH"), escape.stderr());
        var name = server.cli(AS_ADMIN, "job", "create", "bad name", "--source", "src-1", "--path", "site", "--target", "server:web-2:site");
        assertTrue(name.stderr().startsWith("syncline: INVALID_NAME"), name.stderr());
        var self = server.cli(AS_ADMIN, "job", "create", "bad", "--source", "src-1", "--path", "site", "--target", "server:src-1:site");
        assertTrue(self.stderr().contains("cannot be one of its own targets"), self.stderr());
        var twice = server.cli(AS_ADMIN, "job", "create", "every-2h", "--source", "src-1", "--path", "site", "--target", "server:web-2:site");
        assertTrue(twice.stderr().startsWith("syncline: ALREADY_EXISTS"), twice.stderr());
        assertEquals(List.of("every-2h"), new JobsClient(admin).list().stream().map(Job::name).toList(), "no job was stored by a refusal");
    }

    @Test
    @Order(5)
    void removeDeletesTheJob() throws Exception {
        var rm = server.cli(AS_ADMIN, "--json", "job", "rm", "every-2h");
        assertEquals(0, rm.exitCode(), rm.stderr());
        assertEquals("every-2h", JsonObject.parse(rm.stdout()).string("name"));
        assertTrue(new JobsClient(admin).list().isEmpty());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(SynclineException.class, () -> new JobsClient(admin).get("every-2h")).code());
        var again = server.cli(AS_ADMIN, "job", "rm", "every-2h");
        assertTrue(again.stderr().startsWith("syncline: NOT_FOUND: There is no job 'every-2h'"), again.stderr());
    }

    /** Regions eu (group web: src-1, web-2 tagged images) and us (group web: web-3). */
    private static Deployment topology() {
        Deployment d = F.createDeployment();
        d.setName("prod");
        Group euWeb = group(region(d, "eu"), "web");
        Group usWeb = group(region(d, "us"), "web");
        euWeb.getServers().add(server("src-1"));
        Server web2 = server("web-2");
        web2.getTags().add("images");
        euWeb.getServers().add(web2);
        usWeb.getServers().add(server("web-3"));
        d.setSameGroupPolicy(F.createLinkPolicy());
        d.setSameRegionPolicy(F.createLinkPolicy());
        d.setBetweenRegionsPolicy(F.createLinkPolicy());
        return d;
    }

    private static Region region(Deployment d, String name) {
        Region r = F.createRegion();
        r.setName(name);
        d.getRegions().add(r);
        return r;
    }

    private static Group group(Region r, String name) {
        Group g = F.createGroup();
        g.setName(name);
        r.getGroups().add(g);
        return g;
    }

    private static Server server(String name) {
        Server s = F.createServer();
        s.setName(name);
        s.setHost(name + ".example.org");
        return s;
    }
}
