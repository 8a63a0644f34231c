package org.syncline.distribution.internal.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;

/** The topology as a tree: Deployment, its regions (groups, servers) and the Unassigned pool. */
final class TopologyTree {
    /** The tree's input: the deployment is its one root (a viewer must not show its input as an element). */
    record Root(Deployment deployment) {
    }

    /** The pool's node in the tree; its children are the deployment's unassigned servers. */
    record Unassigned(Deployment deployment) {
    }

    private TopologyTree() {
    }

    static final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return input instanceof Root r ? new Object[] { r.deployment() } : new Object[0];
        }

        @Override
        public Object[] getChildren(Object o) {
            if (o instanceof Deployment d) {
                List<Object> children = new ArrayList<>(d.getRegions());
                children.add(new Unassigned(d));
                return children.toArray();
            }
            if (o instanceof Region r) {
                return r.getGroups().toArray();
            }
            if (o instanceof Group g) {
                return g.getServers().toArray();
            }
            if (o instanceof Unassigned u) {
                return u.deployment().getUnassigned().toArray();
            }
            return new Object[0];
        }

        @Override
        public Object getParent(Object o) {
            if (o instanceof Server s) {
                return s.getGroup() != null ? s.getGroup() : s.eContainer() instanceof Deployment d ? new Unassigned(d) : null;
            }
            if (o instanceof Group g) {
                return g.getRegion();
            }
            if (o instanceof Region r) {
                return r.getDeployment();
            }
            return o instanceof Unassigned u ? u.deployment() : null;
        }

        @Override
        public boolean hasChildren(Object o) {
            return getChildren(o).length > 0;
        }
    }

    static final class Labels extends LabelProvider {
        @Override
        public String getText(Object o) {
            if (o instanceof Deployment d) {
                return "Deployment " + (d.getName() == null || d.getName().isEmpty() ? "(unnamed)" : d.getName());
            }
            if (o instanceof Region r) {
                return "Region " + r.getName();
            }
            if (o instanceof Group g) {
                return "Group " + g.getName() + " (" + g.getServers().size() + ")";
            }
            if (o instanceof Server s) {
                return s.getName() + "  " + s.getHost() + ":" + s.getPort();
            }
            if (o instanceof Unassigned u) {
                return "Unassigned (" + u.deployment().getUnassigned().size() + ")";
            }
            return String.valueOf(o);
        }
    }
}
