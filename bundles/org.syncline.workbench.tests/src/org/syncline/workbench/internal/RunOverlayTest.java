package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.syncline.distribution.RunTarget;
import org.syncline.distribution.internal.ui.diagram.DiagramLayout;
import org.syncline.distribution.internal.ui.diagram.DiagramPainter;
import org.syncline.distribution.internal.ui.diagram.DiagramState;
import org.syncline.distribution.internal.ui.diagram.RunOverlay;
import org.syncline.distribution.internal.ui.diagram.SvgGraphics;
import org.syncline.distribution.routing.Hop;
import org.syncline.distribution.routing.RoutePlan;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;

/** A job's tree over the topology: hops in the order a run takes them, target states, and what the painter draws of it. */
class RunOverlayTest {
    private static String edges(RunOverlay o) {
        return String.join(" ", o.hops().stream().map(h -> h.from() + ">" + h.to()).toList());
    }

    @Test
    void aRunsTargetsBecomeHopsParentsFirstWithTheirStates() {
        RunOverlay o = RunOverlay.of("run", "src", List.of(new RunTarget("t-3", "t-1", RunTarget.RECEIVING, 0, 0, 0, ""),
                new RunTarget("t-1", "src", RunTarget.OK, 2, 10, 12, ""), new RunTarget("t-2", "src", RunTarget.FAILED, 0, 0, 0, "disk full"),
                new RunTarget("t-4", "", RunTarget.LEFT_OUT, 0, 0, 0, "")));
        assertEquals("src>t-1 src>t-2 t-1>t-3", edges(o), "a child after its parent, whatever order the log lists them in");
        assertEquals(Map.of("t-1", RunTarget.OK, "t-2", RunTarget.FAILED, "t-3", RunTarget.RECEIVING, "t-4", RunTarget.LEFT_OUT), o.states());
        assertTrue(o.hops().stream().noneMatch(h -> h.to().equals("t-4")), "a left-out target has no hop");
    }

    @Test
    void aPlanKeepsItsHopOrderAndMarksTheLeftOut() {
        RoutePlan plan = new RoutePlan("src", List.of(new Hop("src", "a", Hop.DELTA, 6, 0), new Hop("a", "b", Hop.WHOLE, 0, 1000)), List.of("c"));
        RunOverlay o = RunOverlay.of("plan", plan);
        assertEquals("src>a a>b", edges(o));
        assertEquals(Map.of("c", RunTarget.LEFT_OUT), o.states());
    }

    @Test
    void thePainterDrawsEachHopInItsTargetsStateColourAndTheSourceOutlined() {
        TopologyFactory f = TopologyFactory.eINSTANCE;
        Deployment d = f.createDeployment();
        Region r = f.createRegion();
        r.setName("eu");
        d.getRegions().add(r);
        Group g = f.createGroup();
        g.setName("web");
        r.getGroups().add(g);
        for (String name : List.of("src", "t-1", "t-2")) {
            Server s = f.createServer();
            s.setName(name);
            s.setHost(name);
            g.getServers().add(s);
        }
        DiagramLayout layout = DiagramLayout.automatic(d);
        DiagramState state = new DiagramState();
        String plain = paint(layout, state);
        state.overlay = RunOverlay.of("run", "src", List.of(new RunTarget("t-1", "src", RunTarget.OK, 1, 1, 1, ""),
                new RunTarget("t-2", "t-1", RunTarget.FAILED, 0, 0, 0, "x")));
        String drawn = paint(layout, state);
        String ok = String.format("#%06x", RunOverlay.color(RunTarget.OK));
        String failed = String.format("#%06x", RunOverlay.color(RunTarget.FAILED));
        assertFalse(plain.contains(ok) || plain.contains(failed), "without an overlay nothing of it is drawn");
        assertTrue(drawn.contains("stroke=\"" + ok + "\" stroke-width=\"4\""), "the hop to the ok target in green");
        assertTrue(drawn.contains("stroke=\"" + failed + "\" stroke-width=\"4\""), "the hop to the failed target in red");
        assertTrue(drawn.contains("stroke=\"#6a1b9a\" stroke-width=\"3\""), "the source outlined");
        assertTrue(drawn.contains(">1<") && drawn.contains(">2<"), "hops numbered in the order they are taken");
    }

    private static String paint(DiagramLayout layout, DiagramState state) {
        SvgGraphics svg = new SvgGraphics(2000, 2000);
        DiagramPainter.paint(svg, layout, state, null, 1);
        return svg.finish();
    }
}
