package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncline.distribution.TopologyVersion;
import org.syncline.distribution.internal.server.MasterTopology.PlacedAgent;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.xmi.TopologyXmi;

/** Agents placed in the Unassigned pool of the master's topology (real Derby). */
class AgentPlacementTest extends WithMonitoringDatabase {
    private MasterTopology topology;

    @BeforeEach
    void open() {
        topology = new MasterTopology(db);
    }

    private Deployment current() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        topology.write(out);
        return TopologyXmi.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void anAgentIsPlacedOnceAsANewVersionAndItsNewAddressIsSaved() {
        List<TopologyVersion> pushed = new ArrayList<>();
        topology.onSaved(pushed::add);
        Optional<TopologyVersion> v1 = topology.placeAgent(new PlacedAgent("m1", "web-1", "10.0.0.5", 7443, List.of("agent")));
        assertEquals("agent:web-1", v1.orElseThrow().savedBy());
        assertEquals("agent web-1 enrolled", v1.get().summary());
        assertEquals(List.of(v1.get()), pushed);
        assertTrue(topology.placeAgent(new PlacedAgent("m1", "web-1", "10.0.0.5", 7443, List.of("agent"))).isEmpty(), "known: no new version");

        // another agent with the same name gets a name of its own
        topology.placeAgent(new PlacedAgent("m2", "web-1", "10.0.0.6", 7443, List.of("agent")));
        Deployment d = current();
        assertEquals(List.of("web-1", "web-1-2"), d.getUnassigned().stream().map(Server::getName).toList());
        assertEquals("m2", d.getUnassigned().get(1).getAgentId());

        TopologyVersion moved = topology.placeAgent(new PlacedAgent("m1", "web-1", "10.0.0.7", 7444, List.of("agent"))).orElseThrow();
        assertEquals("agent web-1 now listens at 10.0.0.7:7444", moved.summary());
        assertEquals(3, moved.version());
        assertEquals(List.of("m1", "m2"), topology.agents().stream().map(PlacedAgent::id).toList());
        assertEquals(7444, topology.agents().get(0).port());
    }
}
