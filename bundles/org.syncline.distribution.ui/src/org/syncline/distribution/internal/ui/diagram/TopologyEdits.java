package org.syncline.distribution.internal.ui.diagram;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.MoveCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.swt.graphics.Rectangle;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.DiagramElement;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.RouteEnd;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.model.topology.TopologyPackage.Literals;
import org.syncline.model.topology.query.Elements;

/**
 * Every change the editor makes, as an EMF command for the command stack, so each one undoes. A method returns
 * null when the change would do nothing or is not allowed (a server dropped on its own group, a route to itself).
 */
public final class TopologyEdits {
    private final EditingDomain domain;
    private final Deployment deployment;

    public TopologyEdits(EditingDomain domain, Deployment deployment) {
        this.domain = domain;
        this.deployment = deployment;
    }

    /** Moves {@code s} into {@code target}: a group, or the deployment for the Unassigned pool. */
    public Command moveServer(Server s, EObject target) {
        EObject from = s.eContainer();
        if (target == from || !(target instanceof Group || target == deployment)) {
            return null;
        }
        CompoundCommand c = new CompoundCommand("Move " + s.getName());
        c.append(new RemoveCommand(domain, from, s.eContainmentFeature(), s));
        c.append(target instanceof Group g ? new AddCommand(domain, g, Literals.GROUP__SERVERS, s)
                : new AddCommand(domain, deployment, Literals.DEPLOYMENT__UNASSIGNED, s));
        return c;
    }

    /** Moves a server {@code delta} places within its group or the pool (arrow keys; servers sit in a grid). */
    public Command reorder(Server s, int delta) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) s.eContainer().eGet(s.eContainmentFeature());
        int to = Math.max(0, Math.min(list.size() - 1, list.indexOf(s) + delta));
        return to == list.indexOf(s) ? null : new MoveCommand(domain, s.eContainer(), s.eContainmentFeature(), s, to);
    }

    /** Gives a region or group the bounds {@code saved} (relative to its container, as the model keeps them). */
    public Command setBounds(DiagramElement e, Rectangle saved, String label) {
        CompoundCommand c = new CompoundCommand(label);
        c.append(new SetCommand(domain, e, Literals.DIAGRAM_ELEMENT__X, saved.x));
        c.append(new SetCommand(domain, e, Literals.DIAGRAM_ELEMENT__Y, saved.y));
        c.append(new SetCommand(domain, e, Literals.DIAGRAM_ELEMENT__WIDTH, Math.max(40, saved.width)));
        c.append(new SetCommand(domain, e, Literals.DIAGRAM_ELEMENT__HEIGHT, Math.max(DiagramLayout.HEADER + 20, saved.height)));
        return c;
    }

    /** Moves a group into another region at {@code saved} (relative to that region). */
    public Command moveGroup(Group g, Region target, Rectangle saved) {
        if (target == g.getRegion()) {
            return setBounds(g, saved, "Move " + g.getName());
        }
        CompoundCommand c = new CompoundCommand("Move " + g.getName());
        c.append(new RemoveCommand(domain, g.getRegion(), Literals.REGION__GROUPS, g));
        c.append(new AddCommand(domain, target, Literals.REGION__GROUPS, g));
        c.append(setBounds(g, saved, "Move " + g.getName()));
        return c;
    }

    public Command createRegion(int x, int y) {
        Region r = TopologyFactory.eINSTANCE.createRegion();
        r.setName(UniqueNames.next("region", deployment.getRegions().stream().map(Region::getName).toList()));
        r.setX(Math.max(0, x));
        r.setY(Math.max(0, y));
        r.setWidth(2 * DiagramLayout.SERVER_WIDTH + 6 * DiagramLayout.PAD);
        r.setHeight(160);
        return new AddCommand(domain, deployment, Literals.DEPLOYMENT__REGIONS, r);
    }

    public Command createGroup(Region region, int relativeX, int relativeY) {
        Group g = TopologyFactory.eINSTANCE.createGroup();
        g.setName(UniqueNames.next("group", region.getGroups().stream().map(Group::getName).toList()));
        g.setX(Math.max(DiagramLayout.PAD, relativeX));
        g.setY(Math.max(DiagramLayout.HEADER, relativeY));
        g.setWidth(2 * DiagramLayout.SERVER_WIDTH + DiagramLayout.GAP + 2 * DiagramLayout.PAD);
        g.setHeight(DiagramLayout.HEADER + 2 * DiagramLayout.PAD + DiagramLayout.SERVER_HEIGHT);
        return new AddCommand(domain, region, Literals.REGION__GROUPS, g);
    }

    /** A new server in {@code target} (a group, or the deployment for the pool), named and hosted uniquely. */
    public Command createServer(EObject target) {
        Server s = TopologyFactory.eINSTANCE.createServer();
        s.setName(UniqueNames.next("server", Elements.servers(deployment).stream().map(Server::getName).toList()));
        s.setHost(s.getName() + ".local");
        return target instanceof Group g ? new AddCommand(domain, g, Literals.GROUP__SERVERS, s)
                : new AddCommand(domain, deployment, Literals.DEPLOYMENT__UNASSIGNED, s);
    }

    /** A route from {@code from} to {@code to} with the scope's default policy; null for a loop or a duplicate. */
    public Command addRoute(RouteEnd from, RouteEnd to) {
        if (from == null || to == null || from == to
                || deployment.getRoutes().stream().anyMatch(r -> r.getFrom() == from && r.getTo() == to)) {
            return null;
        }
        Route r = TopologyFactory.eINSTANCE.createRoute();
        r.setFrom(from);
        r.setTo(to);
        return new AddCommand(domain, deployment, Literals.DEPLOYMENT__ROUTES, r);
    }

    /** Deletes the elements and every route that ends at one of them or inside one of them. */
    public Command delete(Collection<? extends EObject> elements) {
        List<EObject> top = new ArrayList<>();
        for (EObject e : elements) {
            if (e != deployment && e.eContainer() != null && elements.stream().noneMatch(o -> o != e && EcoreUtil.isAncestor(o, e))) {
                top.add(e);
            }
        }
        if (top.isEmpty()) {
            return null;
        }
        Set<Route> routes = new HashSet<>();
        for (Route r : deployment.getRoutes()) {
            if (top.contains(r) || top.stream().anyMatch(e -> EcoreUtil.isAncestor(e, r.getFrom()) || EcoreUtil.isAncestor(e, r.getTo()))) {
                routes.add(r);
            }
        }
        CompoundCommand c = new CompoundCommand("Delete");
        if (!routes.isEmpty()) {
            c.append(new RemoveCommand(domain, deployment, Literals.DEPLOYMENT__ROUTES, new ArrayList<>(routes)));
        }
        for (EObject e : top) {
            if (!(e instanceof Route)) {
                c.append(new RemoveCommand(domain, e.eContainer(), e.eContainmentFeature(), e));
            }
        }
        return c;
    }

    /**
     * Adds copies of copied servers and groups: servers into {@code target} (a group, else the pool), groups
     * into the target's region (else the first region). Copies get fresh names; routes are not copied.
     */
    public Command paste(List<EObject> copied, EObject target) {
        CompoundCommand c = new CompoundCommand("Paste");
        List<String> serverNames = new ArrayList<>(Elements.servers(deployment).stream().map(Server::getName).toList());
        Group group = target instanceof Group g ? g : target instanceof Server s ? s.getGroup() : null;
        Region region = target instanceof Region r ? r : group != null ? group.getRegion()
                : deployment.getRegions().isEmpty() ? null : deployment.getRegions().get(0);
        List<String> groupNames = region == null ? new ArrayList<>() : new ArrayList<>(region.getGroups().stream().map(Group::getName).toList());
        for (EObject o : copied) {
            if (o instanceof Server s) {
                Server copy = copyServer(s, serverNames);
                c.append(group != null ? new AddCommand(domain, group, Literals.GROUP__SERVERS, copy)
                        : new AddCommand(domain, deployment, Literals.DEPLOYMENT__UNASSIGNED, copy));
            } else if (o instanceof Group g && region != null) {
                Group copy = EcoreUtil.copy(g);
                copy.setName(UniqueNames.next(g.getName(), groupNames));
                groupNames.add(copy.getName());
                copy.setX(g.getX() + 30);
                copy.setY(g.getY() + 30);
                copy.getServers().clear();
                for (Server s : g.getServers()) {
                    copy.getServers().add(copyServer(s, serverNames));
                }
                c.append(new AddCommand(domain, region, Literals.REGION__GROUPS, copy));
            }
        }
        return c.isEmpty() ? null : c;
    }

    private static Server copyServer(Server s, List<String> names) {
        Server copy = EcoreUtil.copy(s);
        copy.setName(UniqueNames.next(s.getName(), names));
        copy.setAgentId(null);
        names.add(copy.getName());
        return copy;
    }

    /** "Arrange All": ELK's layered layout of every region and group (see {@link LayeredArrangement}), one command. */
    public Command arrangeAll() {
        CompoundCommand c = new CompoundCommand("Arrange All");
        LayeredArrangement.of(deployment).forEach((e, saved) -> c.append(setBounds(e, saved, "Arrange All")));
        return c.isEmpty() ? null : c;
    }
}
