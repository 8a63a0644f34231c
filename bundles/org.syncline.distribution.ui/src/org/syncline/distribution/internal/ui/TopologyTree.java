package org.syncline.distribution.internal.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IColorProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Color;
import org.syncline.distribution.internal.ui.diagram.StateColors;
import org.syncline.model.topology.ServerState;
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

    /** Servers' rows are filled with the colour of their live state, as in the editor. */
    static final class Labels extends LabelProvider implements IColorProvider {
        @Override
        public Color getForeground(Object o) {
            return null;
        }

        @Override
        public Color getBackground(Object o) {
            if (o instanceof Server s && s.getState() != ServerState.UNKNOWN) {
                int rgb = StateColors.fill(s.getState());
                return new Color(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
            }
            return null;
        }

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
                return s.getName() + "  " + s.getHost() + ":" + s.getPort()
                        + (s.getState() == ServerState.UNKNOWN ? "" : "  [" + s.getState().getLiteral().toLowerCase(java.util.Locale.ROOT) + "]");
            }
            if (o instanceof Unassigned u) {
                return "Unassigned (" + u.deployment().getUnassigned().size() + ")";
            }
            return String.valueOf(o);
        }
    }
}
