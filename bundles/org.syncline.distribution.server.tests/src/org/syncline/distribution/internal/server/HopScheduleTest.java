package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.syncline.distribution.routing.Hop;
import org.syncline.distribution.routing.RoutePlan;
import org.syncline.distribution.routing.RoutePlanner;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;

class HopScheduleTest {
    /** The shape the planner gave dist-fanout.sh at 5 MB/s: the source sends to 8, the first of them forwards to 8. */
    private static final RoutePlan FAN_OUT_8 = plan();

    private static RoutePlan plan() {
        List<Hop> hops = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            hops.add(hop("src", "t-" + i));
        }
        for (int i = 9; i <= 16; i++) {
            hops.add(hop("t-1", "t-" + i));
        }
        return new RoutePlan("src", hops, List.of());
    }

    private static Hop hop(String from, String to) {
        return new Hop(from, to, Hop.WHOLE, 0, 5_000_000);
    }

    @Test
    void byDefaultEverySenderServesAllItsPlannedChildrenAtOnce() {
        List<Hop> first = HopSchedule.ready(FAN_OUT_8, Set.of(), Map.of(), HopSchedule.AS_PLANNED);
        // cut-through: t-1's children start with it, not after it (they follow its file as it lands)
        assertEquals(16, first.size(), "all 16 hops start at once, not in waves: " + first);
        assertEquals("t-1", first.get(0).to());
    }

    @Test
    void theDefaultCoversTheLargestFanOutThePlannerGives() {
        Server weak = TopologyFactory.eINSTANCE.createServer();
        weak.setWeight(1);
        LinkPolicy slow = TopologyFactory.eINSTANCE.createLinkPolicy();
        slow.setBandwidthLimit(1_000_000);
        assertEquals(RoutePlanner.MAX_FAN_OUT, RoutePlanner.fanOut(weak, slow));
        assertEquals(RoutePlanner.fanOut(weak, slow), HopSchedule.AS_PLANNED);
    }

    @Test
    void aLowerLimitServesASendersChildrenInWaves() {
        Set<String> done = new HashSet<>();
        Map<String, String> active = new HashMap<>();
        List<Hop> first = HopSchedule.ready(FAN_OUT_8, done, active, 4);
        assertEquals(List.of("t-1", "t-2", "t-3", "t-4", "t-9", "t-10", "t-11", "t-12"), first.stream().map(Hop::to).toList());
        first.forEach(h -> active.put(h.to(), h.from()));
        assertEquals(List.of(), HopSchedule.ready(FAN_OUT_8, done, active, 4), "every sender is at its limit");
        active.remove("t-2");
        done.add("t-2");
        assertEquals(List.of("t-5"), HopSchedule.ready(FAN_OUT_8, done, active, 4).stream().map(Hop::to).toList());
    }

    @Test
    void aHopWhoseParentNeverStartsIsStartedAloneToFailOnItsOwn() {
        RoutePlan orphan = new RoutePlan("src", List.of(hop("gone", "t-1")), List.of());
        assertEquals(List.of("t-1"), HopSchedule.ready(orphan, Set.of(), Map.of(), 8).stream().map(Hop::to).toList());
        assertEquals(List.of(), HopSchedule.ready(orphan, Set.of("t-1"), Map.of(), 8));
    }
}
