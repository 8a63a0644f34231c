package org.syncline.distribution.internal.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.syncline.core.json.Json;
import org.syncline.distribution.TopologyVersion;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TransferMode;
import org.syncline.model.topology.policy.LinkPolicies;
import org.syncline.model.topology.query.Elements;

/** {@code topology show}: the deployment as an indented tree for people, and as nested objects for --json. */
final class TopologyTree {
    private TopologyTree() {
    }

    static String text(Deployment d, TopologyVersion v) {
        StringBuilder b = new StringBuilder();
        b.append("Topology '").append(d.getName() == null ? "" : d.getName()).append("', version ").append(v.version());
        if (v.version() > 0) {
            b.append(" (saved by ").append(v.savedBy()).append(" at ").append(v.savedAt().toString().substring(0, 19).replace('T', ' '))
                    .append(" UTC: ").append(v.summary()).append(")");
        }
        b.append("\nDefaults: same group ").append(policy(d.getSameGroupPolicy())).append("; same region ")
                .append(policy(d.getSameRegionPolicy())).append("; between regions ").append(policy(d.getBetweenRegionsPolicy()));
        for (Region r : d.getRegions()) {
            b.append("\nRegion ").append(r.getName());
            for (Group g : r.getGroups()) {
                b.append("\n  Group ").append(Elements.path(g));
                g.getServers().forEach(s -> server(b.append("\n    "), s));
            }
        }
        if (!d.getUnassigned().isEmpty()) {
            b.append("\nUnassigned");
            d.getUnassigned().forEach(s -> server(b.append("\n    "), s));
        }
        for (Route r : d.getRoutes()) {
            b.append("\nRoute ").append(Elements.endName(r.getFrom())).append(" -> ").append(Elements.endName(r.getTo())).append(": ")
                    .append(policy(LinkPolicies.effective(r))).append(r.getPolicy() != null ? " (own policy)" : "");
        }
        return b.toString();
    }

    private static void server(StringBuilder b, Server s) {
        b.append("Server ").append(s.getName()).append("  ").append(s.getHost()).append(':').append(s.getPort()).append("  weight ")
                .append(s.getWeight());
        if (!s.getRoles().isEmpty()) {
            b.append("  roles ").append(String.join(",", s.getRoles()));
        }
        if (!s.getTags().isEmpty()) {
            b.append("  tags ").append(String.join(",", s.getTags()));
        }
        if (s.getAgentId() != null && !s.getAgentId().isEmpty()) {
            b.append("  agent ").append(s.getAgentId());
        }
    }

    private static String policy(LinkPolicy p) {
        if (p == null) {
            return "none (routes needed)";
        }
        return (p.getTransferMode() == TransferMode.DELTA ? "delta" : "whole file") + ", compression " + p.getCompression()
                + (p.getCodec() == org.syncline.model.topology.Codec.ZSTD ? " zstd" : "")
                + (p.getBandwidthLimit() == 0 ? "" : ", at most " + p.getBandwidthLimit() + " B/s");
    }

    static Map<String, Object> json(Deployment d, TopologyVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", Json.tree(v));
        m.put("name", d.getName() == null ? "" : d.getName());
        Map<String, Object> defaults = new LinkedHashMap<>();
        put(defaults, "sameGroup", d.getSameGroupPolicy());
        put(defaults, "sameRegion", d.getSameRegionPolicy());
        put(defaults, "betweenRegions", d.getBetweenRegionsPolicy());
        m.put("defaults", defaults);
        List<Object> regions = new ArrayList<>();
        for (Region r : d.getRegions()) {
            List<Object> groups = new ArrayList<>();
            for (Group g : r.getGroups()) {
                groups.add(Json.object("name", g.getName(), "path", Elements.path(g), "servers", g.getServers().stream().map(TopologyTree::server).toList()));
            }
            regions.add(Json.object("name", r.getName(), "groups", groups));
        }
        m.put("regions", regions);
        m.put("unassigned", d.getUnassigned().stream().map(TopologyTree::server).toList());
        m.put("routes", d.getRoutes().stream().map(r -> Json.object("from", Elements.endName(r.getFrom()), "to", Elements.endName(r.getTo()),
                "ownPolicy", r.getPolicy() != null, "policy", policyJson(LinkPolicies.effective(r)))).toList());
        return m;
    }

    private static Map<String, Object> server(Server s) {
        return Json.object("name", s.getName(), "host", s.getHost() == null ? "" : s.getHost(), "port", s.getPort(), "weight", s.getWeight(),
                "roles", List.copyOf(s.getRoles()), "tags", List.copyOf(s.getTags()), "agentId", s.getAgentId() == null ? "" : s.getAgentId());
    }

    private static void put(Map<String, Object> m, String key, LinkPolicy p) {
        if (p != null) {
            m.put(key, policyJson(p));
        }
    }

    private static Map<String, Object> policyJson(LinkPolicy p) {
        return Json.object("transferMode", p.getTransferMode().getName(), "compression", p.getCompression(), "codec", p.getCodec().getName().toLowerCase(java.util.Locale.ROOT),
                "bandwidthLimit", p.getBandwidthLimit());
    }
}
