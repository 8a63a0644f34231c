package org.syncline.model.topology.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.ServerState;
import org.syncline.model.topology.query.Elements;

class ModelTest {
    @Test
    void aServerBelongsToExactlyOneGroupAndMovingItTakesItOutOfTheOld() {
        Deployment d = Fixtures.sample();
        Server web1 = Fixtures.server(d, "web-1");
        Group euDb = Fixtures.group(d, "eu", "db");
        euDb.getServers().add(web1);
        assertSame(euDb, web1.getGroup());
        assertEquals(List.of("web-2"), Fixtures.group(d, "eu", "web").getServers().stream().map(Server::getName).toList());
        d.getUnassigned().add(web1);
        assertNull(web1.getGroup());
        assertEquals("Server 'web-1' (unassigned)", Elements.label(web1));
    }

    @Test
    void newServersHaveTheDefaultsTheEngineExpects() {
        Server s = Fixtures.F.createServer();
        assertEquals(7443, s.getPort());
        assertEquals(1, s.getWeight());
        assertEquals(ServerState.UNKNOWN, s.getState());
        assertTrue(s.getRoles().isEmpty());
    }

    @Test
    void elementsAreListedAndNamedTheWayUsersSeeThem() {
        Deployment d = Fixtures.sample();
        assertEquals(List.of("eu/web", "eu/db", "us/web"), Elements.groups(d).stream().map(Elements::path).toList());
        assertEquals(List.of("web-1", "web-2", "db-1", "web-3"), Elements.servers(d).stream().map(Server::getName).toList());
        assertEquals("Server 'db-1' in group 'eu/db'", Elements.label(Fixtures.server(d, "db-1")));
        assertEquals("Route web-1 -> us/web", Elements.label(Fixtures.route(d, Fixtures.server(d, "web-1"), Fixtures.group(d, "us", "web"))));
        assertEquals("The between-regions default policy", Elements.label(d.getBetweenRegionsPolicy()));
    }
}
