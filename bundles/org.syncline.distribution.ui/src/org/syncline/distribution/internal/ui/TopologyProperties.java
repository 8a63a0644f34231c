package org.syncline.distribution.internal.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.views.properties.IPropertySource;
import org.syncline.distribution.internal.ui.diagram.PolicyLabel;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.policy.LinkPolicies;
import org.syncline.model.topology.query.Elements;
import org.syncline.ui.ReadOnlyProperties;

/** Lets the Properties view show the region, group, server or route selected in the tree or the editor. */
public final class TopologyProperties implements IAdapterFactory {
    @Override
    public <T> T getAdapter(Object o, Class<T> type) {
        if (type != IPropertySource.class) {
            return null;
        }
        Map<String, String> v = new LinkedHashMap<>();
        String category;
        if (o instanceof Server s) {
            category = "Server";
            v.put("Name", s.getName());
            v.put("Host", s.getHost());
            v.put("Port", Integer.toString(s.getPort()));
            v.put("Group", s.getGroup() == null ? "(unassigned)" : Elements.path(s.getGroup()));
            v.put("Roles", String.join(", ", s.getRoles()));
            v.put("Weight", Integer.toString(s.getWeight()));
            v.put("Tags", String.join(", ", s.getTags()));
            v.put("Agent", s.getAgentId() == null || s.getAgentId().isEmpty() ? "(none enrolled)" : s.getAgentId());
            v.put("State", s.getState().getLiteral());
        } else if (o instanceof Group g) {
            category = "Group";
            v.put("Name", g.getName());
            v.put("Path", Elements.path(g));
            v.put("Servers", Integer.toString(g.getServers().size()));
        } else if (o instanceof Region r) {
            category = "Region";
            v.put("Name", r.getName());
            v.put("Groups", Integer.toString(r.getGroups().size()));
        } else if (o instanceof Route r) {
            category = "Route";
            v.put("From", Elements.endName(r.getFrom()));
            v.put("To", Elements.endName(r.getTo()));
            v.put("Policy", PolicyLabel.of(LinkPolicies.effective(r)) + (r.getPolicy() == null ? " (default of its scope)" : " (own)"));
        } else if (o instanceof Deployment d) {
            category = "Deployment";
            v.put("Name", d.getName());
            v.put("Regions", Integer.toString(d.getRegions().size()));
            v.put("Servers", Integer.toString(Elements.servers(d).size()));
            v.put("Unassigned", Integer.toString(d.getUnassigned().size()));
            v.put("Routes", Integer.toString(d.getRoutes().size()));
        } else {
            return null;
        }
        v.replaceAll((k, val) -> val == null ? "" : val);
        return type.cast(new ReadOnlyProperties(category, v));
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IPropertySource.class };
    }
}
