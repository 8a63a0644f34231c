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

    @Test
    void agentsPlacedTogetherMakeOneVersionAndOnlyTheChangedOnesAreNamed() {
        topology.placeAgent(new PlacedAgent("m1", "web-1", "10.0.0.5", 7443, List.of("agent")));
        java.util.Set<String> changed = new java.util.HashSet<>();
        TopologyVersion v = topology.placeAgents(List.of(new PlacedAgent("m1", "web-1", "10.0.0.5", 7443, List.of("agent")),
                new PlacedAgent("m2", "web-2", "10.0.0.6", 7443, List.of("agent")), new PlacedAgent("m3", "web-2", "10.0.0.7", 7443, List.of("agent")),
                new PlacedAgent("m2", "web-2", "10.0.0.6", 7443, List.of("agent"))), changed).orElseThrow();
        assertEquals(2, v.version(), "one version for the batch");
        assertEquals("agents", v.savedBy());
        assertEquals("2 agents enrolled or moved: web-2, web-2-2", v.summary());
        assertEquals(java.util.Set.of("m2", "m3"), changed, "m1 was known, m2's second hello changed nothing");
        assertEquals(List.of("web-1", "web-2", "web-2-2"), current().getUnassigned().stream().map(Server::getName).toList());
        assertTrue(topology.placeAgents(List.of(new PlacedAgent("m3", "web-2", "10.0.0.7", 7443, List.of("agent"))), new java.util.HashSet<>())
                .isEmpty(), "nothing changed: no version");
    }

    @Test
    void hellosFromManyThreadsAreAllPlacedEachOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Optional<TopologyVersion>>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            PlacedAgent a = new PlacedAgent("m" + i, "sim-" + i, "10.0.1." + i, 7443, List.of("agent"));
            results.add(pool.submit(() -> topology.placeAgent(a)));
        }
        long newest = 0;
        for (var r : results) {
            newest = Math.max(newest, r.get().orElseThrow(() -> new AssertionError("every new agent is placed")).version());
        }
        pool.shutdown();
        assertEquals(40, topology.agents().size());
        assertEquals(newest, topology.current().version());
        assertTrue(newest <= 40, "at most one version per hello: " + newest);
    }
}
