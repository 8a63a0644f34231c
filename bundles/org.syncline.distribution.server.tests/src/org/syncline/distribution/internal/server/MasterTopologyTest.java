package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.TopologySaved;
import org.syncline.distribution.TopologyVersion;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.model.topology.xmi.TopologyXmi;
import org.syncline.store.Database;

/** The master's topology on a real Derby database in a temp folder. */
class MasterTopologyTest {
    private static final TopologyFactory F = TopologyFactory.eINSTANCE;
    @TempDir
    Path tmp;
    private Database db;
    private MasterTopology topology;

    @BeforeEach
    void open() {
        db = Database.open(tmp.resolve("db"));
        db.migrate("distribution", TopologyTable.MIGRATIONS);
        topology = new MasterTopology(db, 64 * 1024);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void beforeTheFirstSaveTheTopologyIsEmptyAtVersion0() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(TopologyVersion.none(), topology.write(out));
        Deployment d = TopologyXmi.read(new ByteArrayInputStream(out.toByteArray()));
        assertTrue(d.getRegions().isEmpty() && d.getUnassigned().isEmpty());
    }

    @Test
    void savesCountUpKeepWhoAndWhatAndStoreTheCanonicalXmi() {
        Deployment d = deployment();
        TopologySaved first = save("ann", d, 0);
        assertEquals(1, first.version().version());
        assertEquals("created the topology (1 region, 1 group, 1 server)", first.version().summary());
        server(d.getRegions().get(0).getGroups().get(0), "web-2");
        TopologySaved second = save("ben", d, 1);
        assertEquals(new TopologyVersion(2, "ben", second.version().savedAt(), "added server web-2"), second.version());
        assertEquals(second.version(), topology.current());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        topology.write(out);
        assertArrayEquals(TopologyXmi.bytes(d), out.toByteArray());
    }

    @Test
    void aSaveOnAnOldVersionNamesTheNewestSaverAndHowManySavesCameSince() {
        Deployment d = deployment();
        save("ann", d, 0);
        server(d.getRegions().get(0).getGroups().get(0), "web-2");
        save("ann", d, 1);
        server(d.getRegions().get(0).getGroups().get(0), "web-3");
        TopologyVersion third = save("cid", d, 2).version();
        SynclineException e = assertThrows(SynclineException.class, () -> save("ben", d, 1));
        assertEquals(ErrorCode.CONFLICT, e.code());
        assertEquals("Your change was made on version 1 of the topology, but cid saved version 3 at "
                + third.savedAt().toString().substring(0, 19).replace('T', ' ') + " UTC (added server web-3), the newest of 2 saves since yours; "
                + "load the current topology and make your change again.", e.getMessage());
        assertEquals(3, topology.current().version(), "nothing was saved");
    }

    @Test
    void aVersionThatDoesNotExistYetIsRefused() {
        SynclineException e = assertThrows(SynclineException.class, () -> save("ann", deployment(), 9));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals("There is no version 9 of the topology; the current one is 0.", e.getMessage());
    }

    @Test
    void anInvalidModelIsNotSavedAndNamesEveryError() {
        Deployment d = deployment();
        Server s = d.getRegions().get(0).getGroups().get(0).getServers().get(0);
        s.setPort(0);
        s.setWeight(-1);
        SynclineException e = assertThrows(SynclineException.class, () -> save("ann", d, 0));
        assertEquals("The topology was not saved: 2 errors: Server 'web-1' in group 'eu/web': port 0 is outside 1-65535; "
                + "Server 'web-1' in group 'eu/web': weight -1 must be more than 0", e.getMessage());
        assertEquals(0, topology.current().version());
    }

    @Test
    void anUploadLargerThanTheLimitIsRefusedBeforeItIsParsedWhole() {
        StringBuilder big = new StringBuilder("<?xml version=\"1.0\"?>\n<topology:Deployment xmi:version=\"2.0\" "
                + "xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:topology=\"http://syncline.org/model/topology/1.0\" name=\"");
        big.append("x".repeat(70 * 1024)).append("\"/>");
        SynclineException e = assertThrows(SynclineException.class,
                () -> topology.save("ann", new ByteArrayInputStream(big.toString().getBytes(StandardCharsets.UTF_8)), 0));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("larger than the 65536 bytes a topology may have"), e.getMessage());
    }

    private TopologySaved save(String user, Deployment d, long base) {
        return topology.save(user, new ByteArrayInputStream(TopologyXmi.bytes(d)), base);
    }

    private static Deployment deployment() {
        Deployment d = F.createDeployment();
        d.setName("prod");
        Region eu = F.createRegion();
        eu.setName("eu");
        d.getRegions().add(eu);
        Group web = F.createGroup();
        web.setName("web");
        eu.getGroups().add(web);
        server(web, "web-1");
        d.setSameGroupPolicy(F.createLinkPolicy());
        return d;
    }

    private static Server server(Group g, String name) {
        Server s = F.createServer();
        s.setName(name);
        s.setHost(name + ".example.org");
        g.getServers().add(s);
        return s;
    }
}
