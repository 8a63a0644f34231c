package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.ecore.util.EcoreUtil;
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
import org.syncline.distribution.TopologySaved;
import org.syncline.distribution.TopologyVersion;
import org.syncline.distribution.client.DistributionClient;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.model.topology.xmi.TopologyXmi;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ServerStatus;
import org.syncline.testing.ServerProcess;

/**
 * The topology on a real master (the server product as a process): import and export through the CLI, two
 * editors saving against the same version, pushes to a subscriber, rights, and the validator on the master.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopologyTest {
    private static final TopologyFactory F = TopologyFactory.eINSTANCE;
    private static final Map<String, String> AS_ADMIN = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
    private ServerProcess server;
    private Connection admin;

    @BeforeAll
    void start() throws Exception {
        server = new ServerProcess(Files.createTempDirectory("syncline-itest-topology"));
        admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD);
        AdminClient a = new AdminClient(admin);
        a.addUser("ops", "ops-password-1".toCharArray(), true);
        a.addUser("viewer", "viewer-password-1".toCharArray(), false);
    }

    @AfterAll
    void stop() throws Exception {
        admin.close();
        server.close();
    }

    @Test
    @Order(1)
    void theMasterRoleRunsDistributionAndStartsWithAnEmptyTopology() {
        assertTrue(ServerStatus.of(admin).capabilities().contains("distribution"), ServerStatus.of(admin).toString());
        DistributionClient.Loaded t = new DistributionClient(admin).load();
        assertEquals(0, t.version().version());
        assertTrue(t.deployment().getRegions().isEmpty());
    }

    @Test
    @Order(2)
    void importThenExportGivesBackTheSameModelAndShowPrintsTheTree() throws Exception {
        Path in = server.home.resolve("topology-in.xmi");
        try (OutputStream out = Files.newOutputStream(in)) {
            TopologyXmi.write(sample(), out);
        }
        var imported = server.cli(AS_ADMIN, "topology", "import", in.toString());
        assertEquals(0, imported.exitCode(), imported.stderr());
        assertTrue(imported.stdout().startsWith("Saved version 1 of the topology: created the topology (2 regions, 3 groups, 3 servers)"),
                imported.stdout());

        Path out = server.home.resolve("topology-out.xmi");
        var exported = server.cli(AS_ADMIN, "--json", "topology", "export", out.toString());
        assertEquals(0, exported.exitCode(), exported.stderr());
        assertEquals(1, JsonObject.parse(exported.stdout()).object("version").number("version"));
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out), "the master stores the canonical XMI it was given");
        assertTrue(EcoreUtil.equals(sample(), TopologyXmi.read(Files.newInputStream(out))));

        var again = server.cli(AS_ADMIN, "topology", "export", out.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.stderr().contains("exists; choose another path or pass --force"), again.stderr());

        var show = server.cli(AS_ADMIN, "topology", "show");
        assertEquals(0, show.exitCode(), show.stderr());
        assertTrue(show.stdout().startsWith("Topology 'prod', version 1 (saved by admin at "), show.stdout());
        assertTrue(show.stdout().contains("\n  Group eu/web\n    Server web-1  web-1.example.org:7443  weight 2  tags images"), show.stdout());
        assertTrue(show.stdout().contains("\nRoute eu/web -> us/web: whole file, compression 0, at most 1000 B/s (own policy)"), show.stdout());
        var json = server.cli(AS_ADMIN, "--json", "topology", "show");
        JsonObject tree = JsonObject.parse(json.stdout());
        assertEquals(List.of("eu", "us"), tree.list("regions").stream().map(r -> ((Map<?, ?>) r).get("name")).toList());
    }

    @Test
    @Order(3)
    void aSaveAgainstAnOldVersionIsRefusedNamingWhoSavedAndASaveReachesSubscribersByPush() throws Exception {
        try (Connection opsConn = server.connect("ops", "ops-password-1"); Connection viewerConn = server.connect("viewer", "viewer-password-1")) {
            DistributionClient first = new DistributionClient(admin);
            DistributionClient second = new DistributionClient(opsConn);
            BlockingQueue<TopologyVersion> pushed = new LinkedBlockingQueue<>();
            try (AutoCloseable watch = new DistributionClient(viewerConn).watchTopology(pushed::add)) {
                DistributionClient.Loaded a = first.load();
                DistributionClient.Loaded b = second.load();
                assertEquals(a.version().version(), b.version().version());

                Server web3 = server("web-3", "web-3.example.org");
                group(a.deployment(), "us", "web").getServers().add(web3);
                TopologySaved saved = first.save(a.deployment(), a.version().version());
                assertEquals("added server web-3", saved.version().summary());
                assertEquals("admin", saved.version().savedBy());

                TopologyVersion push = pushed.poll(20, TimeUnit.SECONDS);
                assertEquals(saved.version(), push, "the viewer's subscription got the save");

                group(b.deployment(), "eu", "db").getServers().add(b.deployment().getUnassigned().get(0));
                SynclineException refused = assertThrows(SynclineException.class, () -> second.save(b.deployment(), b.version().version()));
                assertEquals(ErrorCode.CONFLICT, refused.code());
                assertTrue(refused.getMessage().startsWith("Your change was made on version " + b.version().version() + " of the topology, but admin saved version "
                        + saved.version().version() + " at "), refused.getMessage());
                assertTrue(refused.getMessage().contains("(added server web-3); load the current topology and make your change again."),
                        refused.getMessage());

                DistributionClient.Loaded fresh = second.load();
                group(fresh.deployment(), "eu", "db").getServers().add(fresh.deployment().getUnassigned().get(0));
                TopologySaved moved = second.save(fresh.deployment(), fresh.version().version());
                assertEquals("moved new-agent to group eu/db", moved.version().summary());
                assertEquals("ops", pushed.poll(20, TimeUnit.SECONDS).savedBy());
            }
        }
    }

    @Test
    @Order(4)
    void onlyAdminsSaveButEveryUserReads() throws Exception {
        try (Connection viewerConn = server.connect("viewer", "viewer-password-1")) {
            DistributionClient viewer = new DistributionClient(viewerConn);
            DistributionClient.Loaded t = viewer.load();
            SynclineException denied = assertThrows(SynclineException.class, () -> viewer.save(t.deployment(), t.version().version()));
            assertEquals(ErrorCode.ACCESS_DENIED, denied.code());
            assertEquals(t.version(), viewer.info(), "nothing was saved");
            var cli = server.cli(Map.of("SYNCLINE_USER", "viewer", "SYNCLINE_PASSWORD", "viewer-password-1"), "topology", "import",
                    writeXmi("viewer.xmi", t.deployment()).toString());
            assertEquals(1, cli.exitCode());
            assertTrue(cli.stderr().contains("admin"), cli.stderr());
        }
    }

    @Test
    @Order(6)
    void theDistributionManageRightLetsAUserOrAGroupChangeTopologyAndJobsOthersOnlyRead() throws Exception {
        AdminClient a = new AdminClient(admin);
        a.addUser("alice", "alice-password-1".toCharArray(), false);
        a.addUser("dana", "dana-password-1".toCharArray(), false);
        a.addGroup("deployers");
        a.addMember("deployers", "dana");
        Map<String, String> asAlice = Map.of("SYNCLINE_USER", "alice", "SYNCLINE_PASSWORD", "alice-password-1");
        Map<String, String> asViewer = Map.of("SYNCLINE_USER", "viewer", "SYNCLINE_PASSWORD", "viewer-password-1");
        Map<String, String> asDana = Map.of("SYNCLINE_USER", "dana", "SYNCLINE_PASSWORD", "dana-password-1");

        // only admins grant
        var selfGrant = server.cli(asViewer, "distribution", "grant", "viewer");
        assertEquals(1, selfGrant.exitCode(), selfGrant.stdout());
        var grant = server.cli(AS_ADMIN, "distribution", "grant", "alice");
        assertEquals(0, grant.exitCode(), grant.stderr());
        assertEquals(0, server.cli(AS_ADMIN, "distribution", "grant", "--group", "deployers").exitCode());
        var managers = server.cli(asViewer, "--json", "distribution", "managers");
        assertEquals(0, managers.exitCode(), managers.stderr());
        assertTrue(managers.stdout().contains("\"alice\"") && managers.stdout().contains("\"deployers\""), managers.stdout());

        // alice saves the topology and creates a job without being an admin
        try (Connection aliceConn = server.connect("alice", "alice-password-1")) {
            DistributionClient alice = new DistributionClient(aliceConn);
            DistributionClient.Loaded t = alice.load();
            Server web2 = org.syncline.model.topology.query.Elements.servers(t.deployment()).stream().filter(x -> x.getName().equals("web-2"))
                    .findFirst().orElseThrow();
            web2.setWeight(3);
            TopologySaved saved = alice.save(t.deployment(), t.version().version());
            assertEquals("alice", saved.version().savedBy());
        }
        var created = server.cli(asAlice, "job", "create", "managed", "--source", "web-1", "--path", "site", "--target", "server:web-2:mirror",
                "--manual");
        assertEquals(0, created.exitCode(), created.stderr());
        // dana holds it through her group
        var disabled = server.cli(asDana, "job", "disable", "managed");
        assertEquals(0, disabled.exitCode(), disabled.stderr());

        // viewer holds nothing: every change is refused on the master, naming what and the right; reading works
        try (Connection viewerConn = server.connect("viewer", "viewer-password-1")) {
            DistributionClient viewer = new DistributionClient(viewerConn);
            DistributionClient.Loaded t = viewer.load();
            SynclineException denied = assertThrows(SynclineException.class, () -> viewer.save(t.deployment(), t.version().version()));
            assertEquals(ErrorCode.ACCESS_DENIED, denied.code());
            assertTrue(denied.getMessage().contains("'viewer' may not save the topology") && denied.getMessage().contains("distribution-manage"),
                    denied.getMessage());
        }
        var removed = server.cli(asViewer, "job", "rm", "managed");
        assertEquals(1, removed.exitCode());
        assertTrue(removed.stderr().contains("may not remove job 'managed'") && removed.stderr().contains("distribution-manage"), removed.stderr());
        assertEquals(0, server.cli(asViewer, "job", "show", "managed").exitCode(), "any user reads jobs");

        // revoked: alice is refused again
        assertEquals(0, server.cli(AS_ADMIN, "distribution", "revoke", "alice").exitCode());
        var afterRevoke = server.cli(asAlice, "job", "enable", "managed");
        assertEquals(1, afterRevoke.exitCode());
        assertTrue(afterRevoke.stderr().contains("may not enable job 'managed'"), afterRevoke.stderr());
        assertEquals(0, server.cli(AS_ADMIN, "job", "rm", "managed").exitCode(), "admins always may");
    }

    @Test
    @Order(5)
    void anInvalidModelIsRefusedWithTheValidatorsMessageAndWarningsArePrinted() throws Exception {
        DistributionClient client = new DistributionClient(admin);
        DistributionClient.Loaded t = client.load();
        Server web1 = group(t.deployment(), "eu", "web").getServers().get(0);
        web1.setPort(70000);
        SynclineException invalid = assertThrows(SynclineException.class, () -> client.save(t.deployment(), t.version().version()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, invalid.code());
        assertEquals("The topology was not saved: 1 error: Server 'web-1' in group 'eu/web': port 70000 is outside 1-65535", invalid.getMessage());
        var cli = server.cli(AS_ADMIN, "topology", "import", writeXmi("invalid.xmi", t.deployment()).toString());
        assertEquals(2, cli.exitCode(), cli.stderr());
        assertTrue(cli.stderr().contains("port 70000 is outside 1-65535"), cli.stderr());
        assertEquals(1, cli.stderr().strip().lines().count(), "one line, no stack trace: " + cli.stderr());

        var malformed = server.cli(AS_ADMIN, "topology", "import", server.writeFile("broken.xmi", "<topology:Deployment").toString());
        assertEquals(2, malformed.exitCode());
        assertTrue(malformed.stderr().contains("The topology is not valid XMI"), malformed.stderr());

        web1.setPort(7443);
        t.deployment().setBetweenRegionsPolicy(null);
        ByteArrayOutputStream xmi = new ByteArrayOutputStream();
        TopologyXmi.write(t.deployment(), xmi);
        TopologySaved saved = client.save(new ByteArrayInputStream(xmi.toByteArray()), t.version().version());
        assertEquals(List.of("Region 'us': no route leads out of it to another region, and there is no between-regions default policy"),
                saved.warnings());
        assertEquals("removed the between-regions default policy", saved.version().summary());
    }

    private Path writeXmi(String name, Deployment d) throws Exception {
        Path p = server.home.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            TopologyXmi.write(d, out);
        }
        return p;
    }

    /** Regions eu (group web with two servers, group db) and us (group web); one agent waits unassigned. */
    private static Deployment sample() {
        Deployment d = F.createDeployment();
        d.setName("prod");
        Region eu = region(d, "eu");
        Region us = region(d, "us");
        Group euWeb = group(eu, "web");
        Group usWeb = group(us, "web");
        Server web1 = server("web-1", "web-1.example.org");
        web1.setWeight(2);
        web1.getTags().add("images");
        euWeb.getServers().add(web1);
        euWeb.getServers().add(server("web-2", "web-2.example.org"));
        d.getUnassigned().add(server("new-agent", "10.0.0.9"));
        d.setSameGroupPolicy(F.createLinkPolicy());
        d.setSameRegionPolicy(F.createLinkPolicy());
        d.setBetweenRegionsPolicy(F.createLinkPolicy());
        Route r = F.createRoute();
        r.setFrom(euWeb);
        r.setTo(usWeb);
        LinkPolicy p = F.createLinkPolicy();
        p.setTransferMode(org.syncline.model.topology.TransferMode.WHOLE_FILE);
        p.setCompression(0);
        p.setTls(false);
        p.setBandwidthLimit(1000);
        r.setPolicy(p);
        d.getRoutes().add(r);
        group(eu, "db");
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

    private static Group group(Deployment d, String region, String name) {
        return d.getRegions().stream().filter(r -> r.getName().equals(region)).findFirst().orElseThrow().getGroups().stream()
                .filter(g -> g.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Server server(String name, String host) {
        Server s = F.createServer();
        s.setName(name);
        s.setHost(host);
        return s;
    }
}
