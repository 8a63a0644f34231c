package org.syncline.distribution.internal.ui.diagram;

import java.util.HashSet;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.DiagramElement;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.RouteEnd;
import org.syncline.model.topology.Server;

/**
 * "Arrange All": regions and their groups laid out by Eclipse ELK's layered algorithm, left to right along
 * the routes (a route that ends at a server counts for its group; routes of the Unassigned pool are not
 * drawn in a region and count for nothing). Groups keep the size their servers' grid needs. The result is
 * the bounds to save, relative to each element's container as the model keeps them.
 */
public final class LayeredArrangement {
    private static final int REGION_SPACING = 60;
    private static final int GROUP_SPACING = 100;
    private static boolean registered;

    private LayeredArrangement() {
    }

    /** The saved bounds of every region and group of {@code d}, in the order regions then their groups. */
    public static Map<DiagramElement, Rectangle> of(Deployment d) {
        register();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, (double) REGION_SPACING);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, (double) REGION_SPACING);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(0));
        Map<DiagramElement, ElkNode> nodes = new LinkedHashMap<>();
        Map<Group, ElkNode> groups = new IdentityHashMap<>();
        for (Region r : d.getRegions()) {
            ElkNode rn = ElkGraphUtil.createNode(root);
            rn.setProperty(CoreOptions.PADDING, new ElkPadding(DiagramLayout.HEADER + DiagramLayout.PAD, DiagramLayout.PAD,
                    DiagramLayout.PAD, DiagramLayout.PAD));
            rn.setProperty(CoreOptions.SPACING_NODE_NODE, (double) GROUP_SPACING);
            rn.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, (double) GROUP_SPACING);
            nodes.put(r, rn);
            for (Group g : r.getGroups()) {
                ElkNode gn = ElkGraphUtil.createNode(rn);
                Point size = DiagramLayout.groupSize(g.getServers().size());
                gn.setDimensions(size.x, size.y);
                nodes.put(g, gn);
                groups.put(g, gn);
            }
        }
        Set<List<ElkNode>> seen = new HashSet<>();
        for (var route : d.getRoutes()) {
            ElkNode from = groups.get(groupOf(route.getFrom()));
            ElkNode to = groups.get(groupOf(route.getTo()));
            if (from != null && to != null && from != to && seen.add(List.of(from, to))) {
                ElkEdge e = ElkGraphUtil.createSimpleEdge(from, to);
                ElkGraphUtil.updateContainment(e);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<DiagramElement, Rectangle> saved = new LinkedHashMap<>();
        nodes.forEach((element, n) -> saved.put(element,
                new Rectangle((int) Math.round(n.getX()), (int) Math.round(n.getY()), (int) Math.ceil(n.getWidth()), (int) Math.ceil(n.getHeight()))));
        return saved;
    }

    private static Group groupOf(RouteEnd end) {
        return end instanceof Group g ? g : end instanceof Server s ? s.getGroup() : null;
    }

    /** ELK finds its algorithms through ServiceLoader, which sees no other bundle under OSGi: name layered. */
    private static synchronized void register() {
        if (!registered) {
            LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
            registered = true;
        }
    }
}
