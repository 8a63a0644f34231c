package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.graphics.Rectangle;
import org.junit.jupiter.api.Test;
import org.syncline.distribution.internal.ui.diagram.DiagramExport;
import org.syncline.distribution.internal.ui.diagram.DiagramHitTest;
import org.syncline.distribution.internal.ui.diagram.DiagramLayout;
import org.syncline.distribution.internal.ui.diagram.PolicyLabel;
import org.syncline.distribution.internal.ui.diagram.TopologyEdits;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.model.topology.TransferMode;

/** The topology editor's commands, layout, hit test and export, on a model without a server. */
class TopologyEditsTest {
    private final TopologyFactory f = TopologyFactory.eINSTANCE;
    private final BasicCommandStack stack = new BasicCommandStack();
    private final Deployment d = model();
    private final TopologyEdits edits = new TopologyEdits(new AdapterFactoryEditingDomain(new ComposedAdapterFactory(), stack), d);

    private Deployment model() {
        Deployment m = f.createDeployment();
        Region eu = f.createRegion();
        eu.setName("eu");
        m.getRegions().add(eu);
        for (String name : new String[] { "web", "db" }) {
            Group g = f.createGroup();
            g.setName(name);
            eu.getGroups().add(g);
            for (int i = 1; i <= 3; i++) {
                Server s = f.createServer();
                s.setName(name + "-" + i);
                s.setHost(name + "-" + i + ".example.org");
                g.getServers().add(s);
            }
        }
        Server pool = f.createServer();
        pool.setName("new-1");
        pool.setHost("new-1.example.org");
        m.getUnassigned().add(pool);
        return m;
    }

    private Group group(int i) {
        return d.getRegions().get(0).getGroups().get(i);
    }

    private void run(Command c) {
        assertTrue(c != null && c.canExecute(), "the command can run");
        stack.execute(c);
    }

    @Test
    void movingAServerBetweenGroupsUndoesToItsPlace() {
        Server web2 = group(0).getServers().get(1);
        run(edits.moveServer(web2, group(1)));
        assertEquals(group(1), web2.getGroup());
        stack.undo();
        assertEquals(group(0), web2.getGroup());
        assertEquals(1, group(0).getServers().indexOf(web2), "undo puts it back at its place, not at the end");
        assertNull(edits.moveServer(web2, group(0)), "a drop on its own group does nothing");
    }

    @Test
    void deletingAGroupTakesItsRoutesAndUndoBringsBothBack() {
        run(edits.addRoute(group(0), group(1)));
        run(edits.addRoute(d.getUnassigned().get(0), group(0).getServers().get(0)));
        assertNull(edits.addRoute(group(0), group(1)), "no duplicate route");
        assertNull(edits.addRoute(group(0), group(0)), "no route to itself");
        run(edits.delete(List.of(group(0))));
        assertEquals(List.of("db"), d.getRegions().get(0).getGroups().stream().map(Group::getName).toList());
        assertTrue(d.getRoutes().isEmpty(), "routes that ended at the group or its servers went with it");
        stack.undo();
        assertEquals(2, d.getRegions().get(0).getGroups().size());
        assertEquals(2, d.getRoutes().size());
        assertEquals(group(0), d.getRoutes().get(0).getFrom());
    }

    @Test
    void pastedCopiesGetFreshNamesAndCreatedServersAreValidNodes() {
        run(edits.paste(List.of((EObject) group(0).getServers().get(0), group(1)), group(1)));
        assertEquals(List.of("db-1", "db-2", "db-3", "web-1-copy"), group(1).getServers().stream().map(Server::getName).toList());
        assertEquals(List.of("web", "db", "db-copy"), d.getRegions().get(0).getGroups().stream().map(Group::getName).toList());
        assertEquals(List.of("db-1-copy", "db-2-copy", "db-3-copy"), group(2).getServers().stream().map(Server::getName).toList());
        run(edits.createServer(d));
        Server created = d.getUnassigned().get(1);
        assertEquals("server-1", created.getName());
        assertFalse(created.getHost().isEmpty(), "a new server has a host, so it validates");
    }

    @Test
    void containersHoldTheirServersAndTheHitTestFindsWhatIsDrawn() {
        DiagramLayout layout = DiagramLayout.of(d);
        for (Group g : List.of(group(0), group(1))) {
            Rectangle gb = layout.bounds(g);
            assertTrue(layout.bounds(g.getRegion()).contains(gb.x, gb.y) && layout.bounds(g.getRegion()).contains(gb.x + gb.width - 1, gb.y + gb.height - 1));
            for (Server s : g.getServers()) {
                Rectangle sb = layout.bounds(s);
                assertTrue(gb.contains(sb.x, sb.y) && gb.contains(sb.x + sb.width - 1, sb.y + sb.height - 1), s.getName() + " inside its group");
                assertEquals(s, DiagramHitTest.at(layout, sb.x + 5, sb.y + 5));
                assertEquals(g, DiagramHitTest.dropTargetAt(layout, sb.x + 5, sb.y + 5));
            }
        }
        Rectangle pooled = layout.bounds(d.getUnassigned().get(0));
        assertTrue(layout.pool().contains(pooled.x, pooled.y));
        assertEquals(d, DiagramHitTest.dropTargetAt(layout, 5, layout.pool().height - 5), "the pool takes dropped servers");

        // a saved size too small for the servers grows, never clips
        run(edits.setBounds(group(0), new Rectangle(10, 30, 50, 30), "shrink"));
        Rectangle shrunk = DiagramLayout.of(d).bounds(group(0));
        Rectangle last = DiagramLayout.of(d).bounds(group(0).getServers().get(2));
        assertTrue(shrunk.contains(last.x + last.width - 1, last.y + last.height - 1));
    }

    @Test
    void arrangeAllLaysOutAlongTheRoutesWithoutOverlapsAsOneUndoableCommand() {
        Region us = f.createRegion();
        us.setName("us");
        d.getRegions().add(us);
        Group usWeb = f.createGroup();
        usWeb.setName("web");
        us.getGroups().add(usWeb);
        for (int i = 1; i <= 2; i++) {
            Server s = f.createServer();
            s.setName("us-" + i);
            s.setHost("us-" + i + ".example.org");
            usWeb.getServers().add(s);
        }
        run(edits.addRoute(group(1), group(0)));
        run(edits.addRoute(group(0).getServers().get(0), usWeb));
        List<Region> regions = List.of(d.getRegions().get(0), us);
        List<Group> groups = List.of(group(0), group(1), usWeb);
        List<List<Integer>> before = savedBounds(groups, regions);

        run(edits.arrangeAll());
        DiagramLayout l = DiagramLayout.of(d);
        assertTrue(right(l.bounds(group(1))) <= l.bounds(group(0)).x, "the route db -> web runs left to right: " + l.bounds(group(1)) + " " + l.bounds(group(0)));
        assertTrue(right(l.bounds(regions.get(0))) <= l.bounds(us).x, "region eu routes to us, so it comes first");
        for (Group g : groups) {
            Rectangle gb = l.bounds(g);
            Rectangle rb = l.bounds(g.getRegion());
            assertTrue(rb.contains(gb.x, gb.y) && rb.contains(right(gb) - 1, gb.y + gb.height - 1), g.getName() + " inside its region");
            assertEquals(gb, new Rectangle(rb.x + g.getX(), rb.y + g.getY(), g.getWidth(), g.getHeight()), "what is drawn is what is saved");
            for (Group other : groups) {
                assertTrue(g == other || !gb.intersects(l.bounds(other)), g.getName() + " and " + other.getName() + " do not overlap");
            }
        }
        assertFalse(l.bounds(regions.get(0)).intersects(l.bounds(us)), "regions do not overlap");
        assertTrue(stack.canUndo());
        stack.undo();
        assertEquals(before, savedBounds(groups, regions), "one undo puts every region and group back");
        assertFalse(stack.canUndo() && stack.getUndoCommand().getLabel().equals("Arrange All"), "Arrange All was one command");
    }

    private static int right(Rectangle r) {
        return r.x + r.width;
    }

    private static List<List<Integer>> savedBounds(List<Group> groups, List<Region> regions) {
        return java.util.stream.Stream.concat(groups.stream(), regions.stream())
                .map(e -> List.of(e.getX(), e.getY(), e.getWidth(), e.getHeight())).toList();
    }

    @Test
    void policiesReadShortAndTheSvgCarriesTheDrawing() throws Exception {
        LinkPolicy p = f.createLinkPolicy();
        assertEquals("delta z6", PolicyLabel.of(p));
        p.setTransferMode(TransferMode.WHOLE_FILE);
        p.setCompression(9);
        p.setTls(false);
        p.setBandwidthLimit(1_500_000);
        assertEquals("whole z9 1.5 MB/s", PolicyLabel.of(p), "every link is TLS: an old topology's tls=false changes nothing");
        p.setCodec(org.syncline.model.topology.Codec.ZSTD);
        assertEquals("whole zstd9 1.5 MB/s", PolicyLabel.of(p));

        d.getRegions().get(0).setName("eu <&> \"1\"");
        run(edits.addRoute(group(0), group(1)));
        Path svg = Files.createTempDirectory("syncline-svg").resolve("topology.svg");
        DiagramExport.svg(DiagramLayout.of(d), svg);
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") && text.trim().endsWith("</svg>"));
        assertTrue(text.contains(">web-1<") && text.contains("web-1.example.org:7443"), "servers are written with name and host");
        assertTrue(text.contains("eu &lt;&amp;&gt; &quot;1&quot;"), "text is escaped");
        assertTrue(text.contains(">delta z6<"), "routes carry their policy label");
        try (var files = Files.list(svg.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }
}
