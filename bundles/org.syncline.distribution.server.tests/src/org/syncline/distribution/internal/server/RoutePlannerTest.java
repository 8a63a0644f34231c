package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.syncline.core.SynclineException;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobTarget;
import org.syncline.distribution.routing.Hop;
import org.syncline.distribution.routing.JobTargets;
import org.syncline.distribution.routing.RoutePlan;
import org.syncline.distribution.routing.RoutePlanner;
import org.syncline.distribution.routing.TypeRouting;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.model.topology.TransferMode;
import org.syncline.model.topology.query.Elements;

class RoutePlannerTest {
    private static final TopologyFactory F = TopologyFactory.eINSTANCE;

    /** Regions eu (groups a: src + a1..a6, b: b1..b3) and us (group c: c1..c4); every link capped at {@code cap}. */
    private static Deployment topology(long cap) {
        Deployment d = F.createDeployment();
        d.setName("t");
        d.setSameGroupPolicy(policy(cap, TransferMode.DELTA, 3));
        d.setSameRegionPolicy(policy(cap, TransferMode.DELTA, 3));
        d.setBetweenRegionsPolicy(policy(cap, TransferMode.DELTA, 9));
        Region eu = region(d, "eu");
        Region us = region(d, "us");
        Group a = group(eu, "a", "src", "a1", "a2", "a3", "a4", "a5", "a6");
        group(eu, "b", "b1", "b2", "b3");
        group(us, "c", "c1", "c2", "c3", "c4");
        server(a, "a6").setWeight(4); // the strongest of its group
        return d;
    }

    private static LinkPolicy policy(long cap, TransferMode mode, int compression) {
        LinkPolicy p = F.createLinkPolicy();
        p.setBandwidthLimit(cap);
        p.setTransferMode(mode);
        p.setCompression(compression);
        return p;
    }

    private static Region region(Deployment d, String name) {
        Region r = F.createRegion();
        r.setName(name);
        d.getRegions().add(r);
        return r;
    }

    private static Group group(Region r, String name, String... servers) {
        Group g = F.createGroup();
        g.setName(name);
        r.getGroups().add(g);
        for (String s : servers) {
            Server sv = F.createServer();
            sv.setName(s);
            g.getServers().add(sv);
        }
        return g;
    }

    private static Server server(Group g, String name) {
        return g.getServers().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> all(Deployment d) {
        return Elements.servers(d).stream().map(Server::getName).toList();
    }

    private static void assertTree(RoutePlan p, Set<String> expectedReceivers) {
        assertEquals(expectedReceivers, new HashSet<>(p.receivers()), "every live target exactly once");
        assertEquals(p.receivers().size(), new HashSet<>(p.receivers()).size(), "nobody receives twice");
        List<String> seen = new ArrayList<>(List.of(p.source()));
        for (Hop h : p.hops()) {
            assertTrue(seen.contains(h.from()), h.from() + " sends before it received");
            seen.add(h.to());
        }
    }

    @Test
    void oneEntryPerRegionAndGroupThenATreeInsideEachGroup() {
        Deployment d = topology(0);
        RoutePlan p = RoutePlanner.plan(d, "src", all(d), s -> true);
        Set<String> receivers = new HashSet<>(all(d));
        receivers.remove("src");
        assertTree(p, receivers);
        assertEquals(List.of("a6", "a1", "b1", "c1"), p.childrenOf("src"), "strongest of its own group, the entry of group b and region us");
        assertEquals(Optional.of("c1"), p.parentOf("c2"), "us is fed through its entry, not by the source");
        assertEquals(Optional.of("b1"), p.parentOf("b2"));
        assertEquals(2, p.depthOf("a2"), "uncapped links: fan-out 2 for weight 1, 8 for weight 4");
        Hop toUs = p.hops().stream().filter(h -> h.to().equals("c1")).findFirst().orElseThrow();
        assertEquals(new Hop("src", "c1", Hop.DELTA, 9, 0), toUs, "the between-regions policy");
        Hop inGroup = p.hops().stream().filter(h -> h.to().equals("a6")).findFirst().orElseThrow();
        assertEquals(3, inGroup.compression());
    }

    @Test
    void fanOutFollowsLinkCapsAndWeights() {
        Server weak = F.createServer();
        Server strong = F.createServer();
        strong.setWeight(4);
        long mb = 1024 * 1024;
        assertEquals(2, RoutePlanner.fanOut(weak, policy(25 * mb, TransferMode.DELTA, 0)), "50 MB/s over 25 MB/s links");
        assertEquals(8, RoutePlanner.fanOut(strong, policy(20 * mb, TransferMode.DELTA, 0)), "capped at 8");
        assertEquals(1, RoutePlanner.fanOut(weak, policy(200 * mb, TransferMode.DELTA, 0)), "at least 1: a chain");
        assertEquals(2, RoutePlanner.fanOut(weak, policy(0, TransferMode.DELTA, 0)));

        Deployment chain = topology(200 * mb);
        RoutePlan p = RoutePlanner.plan(chain, "src", all(chain), s -> true);
        assertEquals(List.of("c2"), p.childrenOf("c1"), "fan-out 1 on fast links makes a chain");
        assertEquals(4, p.depthOf("c4"));
    }

    @Test
    void deadOverloadedOrAlertingServersAreLeftOutAndTheStrongestLiveOneLeads() {
        Deployment d = topology(0);
        Set<String> down = Set.of("a6", "c1", "b3");
        RoutePlan p = RoutePlanner.plan(d, "src", all(d), s -> !down.contains(s));
        assertEquals(List.of("a6", "b3", "c1"), p.leftOut().stream().sorted().toList());
        assertFalse(p.receivers().contains("a6"));
        assertEquals(Optional.of("src"), p.parentOf("c2"), "c2 leads region us when c1 is down");
        assertEquals(SynclineException.class, assertThrows(SynclineException.class, () -> RoutePlanner.plan(d, "src", all(d), s -> !s.equals("src")))
                .getClass());
    }

    @Test
    void aRouteWithItsOwnPolicyDecidesItsHop() {
        Deployment d = topology(0);
        Route r = F.createRoute();
        r.setFrom(Elements.groups(d).get(0));
        r.setTo(Elements.groups(d).get(2));
        r.setPolicy(policy(1000, TransferMode.WHOLE_FILE, 0));
        d.getRoutes().add(r);
        RoutePlan p = RoutePlanner.plan(d, "src", List.of("c1"), s -> true);
        assertEquals(List.of(new Hop("src", "c1", Hop.WHOLE, 0, 1000)), p.hops());
    }

    @Test
    void aDeadNodesSubtreeMovesToTheNearestLivePeerGroupThenRegionThenElsewhere() {
        Deployment d = topology(0);
        RoutePlan p = RoutePlanner.plan(d, "src", all(d), s -> true);
        // c1 led region us and sent to c2 and c3 (c2 on to c4). c2 has no live peer above it in its group or
        // region, so it goes to another region (the strongest server there with a free slot: a6); c3 then finds
        // c2 in its own group; c4 stays under c2.
        assertEquals(List.of("c2", "c3"), p.childrenOf("c1"));
        RoutePlan q = RoutePlanner.replan(d, p, "c1");
        assertTrue(q.leftOut().contains("c1"));
        assertFalse(q.receivers().contains("c1"));
        assertEquals(Optional.of("a6"), q.parentOf("c2"));
        assertEquals(Optional.of("c2"), q.parentOf("c3"));
        assertEquals(Optional.of("c2"), q.parentOf("c4"));
        Set<String> receivers = new HashSet<>(all(d));
        receivers.remove("src");
        receivers.remove("c1");
        assertTree(q, receivers);
        for (Hop h : p.hops()) {
            if (!h.from().equals("c1") && !h.to().equals("c1")) {
                assertTrue(q.hops().contains(h), "kept " + h);
            }
        }

        // b1 alone would leave b2 and b3 without a group peer in the tree above them: they go to region eu
        RoutePlan r = RoutePlanner.replan(d, p, "b1");
        for (String child : p.childrenOf("b1")) {
            Server parent = Elements.servers(d).stream().filter(s -> s.getName().equals(r.parentOf(child).orElseThrow())).findFirst().orElseThrow();
            String group = parent.getGroup().getName();
            assertTrue(group.equals("b") || parent.getGroup().getRegion().getName().equals("eu"), child + " -> " + parent.getName());
        }
        assertThrows(SynclineException.class, () -> RoutePlanner.replan(d, p, "src"));
    }

    @Test
    void aJobsTargetsStandForServersGroupsRegionsAndTags() {
        Deployment d = topology(0);
        Elements.servers(d).stream().filter(s -> s.getName().equals("b2") || s.getName().equals("c4")).forEach(s -> s.getTags().add("images"));
        Job j = new Job(0, "j", true, "src", List.of("x"), List.of(new JobTarget("group", "eu/a", "p"), new JobTarget("region", "us", "p"),
                new JobTarget("tag", "images", "p"), new JobTarget("server", "b1", "p"), new JobTarget("group", "us/a", "p")), List.of(), List.of(),
                List.of("create"), java.util.Map.of(), "manual", "", 0, "", 0, "immediate", "", "", null, "", null);
        assertEquals(List.of("a1", "a2", "a3", "a4", "a5", "a6", "b1", "b2", "c1", "c2", "c3", "c4"), List.copyOf(JobTargets.servers(j, d)),
                "the source is never its own target; a group that does not exist adds nobody");
    }

    @Test
    void unassignedServersGetTheContentFromTheSource() {
        Deployment d = topology(0);
        Server loose = F.createServer();
        loose.setName("loose");
        d.getUnassigned().add(loose);
        RoutePlan p = RoutePlanner.plan(d, "src", List.of("loose", "c3"), s -> true);
        assertEquals(Optional.of("src"), p.parentOf("loose"));
        assertEquals(Optional.of("src"), p.parentOf("c3"));
    }

    /** One group in region eu, uncapped (fan-out 2 for weight 1): src and the given servers, each tagged as given. */
    private static Deployment tagged(java.util.Map<String, String> serverTags) {
        Deployment d = F.createDeployment();
        d.setName("t");
        d.setSameGroupPolicy(policy(0, TransferMode.DELTA, 3));
        d.setSameRegionPolicy(policy(0, TransferMode.DELTA, 3));
        Region eu = region(d, "eu");
        group(eu, "src", "src");
        Group g = group(eu, "g", serverTags.keySet().stream().sorted().toArray(String[]::new));
        serverTags.forEach((name, tag) -> {
            if (!tag.isEmpty()) {
                server(g, name).getTags().add(tag);
            }
        });
        return d;
    }

    private static final java.util.Map<String, String> JPG = java.util.Map.of("*.jpg", "images");

    /** Every server above {@code server} (the source excluded) takes jpg files. */
    private static void assertTaggedPath(RoutePlan p, Deployment d, String server) {
        TypeRouting types = new TypeRouting(JPG, d);
        for (Optional<String> up = p.parentOf(server); up.isPresent() && !up.get().equals(p.source()); up = p.parentOf(up.get())) {
            assertTrue(types.takes(up.get(), "x.jpg"), server + " gets jpg files through " + up.get() + ", which does not take them: " + p);
        }
    }

    @Test
    void jpgFilesGetTheirOwnTreeOverTheServersTakingThemFannedOutAsAnyOther() {
        // the untagged ones are the strongest: without tags they would lead the group and forward everything
        Deployment d = tagged(java.util.Map.of("i1", "images", "i2", "images", "i3", "images", "i4", "images", "p1", "", "p2", "", "p3", ""));
        Elements.servers(d).stream().filter(s -> s.getName().startsWith("p")).forEach(s -> s.setWeight(2));
        RoutePlan untagged = RoutePlanner.plan(d, "src", all(d), s -> true);
        assertEquals(List.of("p1"), untagged.childrenOf("src"), "without tags the strongest leads the group");

        RoutePlan p = RoutePlanner.plan(d, "src", all(d), s -> true, JPG);
        Set<String> receivers = new HashSet<>(all(d));
        receivers.remove("src");
        assertTree(p, receivers);
        assertEquals(List.of("i1"), p.childrenOf("src"), "a server taking jpg files leads the group");
        for (String img : List.of("i1", "i2", "i3", "i4")) {
            assertTaggedPath(p, d, img);
        }
        assertEquals(Optional.of("i1"), p.parentOf("i2"), "the jpg tree is a tree, not a star from the source");
        assertTrue(p.depthOf("i4") >= 2, "fan-out 2 per images server: " + p);
        for (Server s : Elements.servers(d)) {
            assertTrue(p.childrenOf(s.getName()).size() <= RoutePlanner.fanOut(s, d.getSameGroupPolicy()), "fan-out of " + s.getName() + ": " + p);
        }
        TypeRouting types = new TypeRouting(JPG, d);
        for (String img : List.of("i2", "i3", "i4")) {
            String sender = TypeRouting.senderFor(p, img, s -> types.takes(s, "x.jpg"));
            assertEquals(p.parentOf(img).orElseThrow(), sender, "a jpg comes from " + img + "'s own parent, never around it");
            assertTrue(sender.startsWith("i"), sender);
        }
    }

    @Test
    void serversOfTwoDisjointClassesEachGetATreeTheFirstOfTheSecondFedAroundTheEntry() {
        java.util.Map<String, String> tags = java.util.Map.of("*.jpg", "images", "*.mpg", "video");
        Deployment d = tagged(java.util.Map.of("i1", "images", "i2", "images", "v1", "video", "v2", "video", "v3", "video"));
        RoutePlan p = RoutePlanner.plan(d, "src", all(d), s -> true, tags);
        assertEquals(List.of("i1"), p.childrenOf("src"));
        // no images server takes mpg files: v1 hangs below the entry and takes its mpg files from the source
        // directly (its nearest ancestor holding them); v2 and v3 get them from v1
        assertEquals(Optional.of("i1"), p.parentOf("v1"));
        assertEquals(Optional.of("v1"), p.parentOf("v2"));
        assertEquals(Optional.of("v1"), p.parentOf("v3"));
        assertEquals(Optional.of("i1"), p.parentOf("i2"));
        TypeRouting types = new TypeRouting(tags, d);
        assertEquals("src", TypeRouting.senderFor(p, "v1", s -> types.takes(s, "m.mpg")));
        assertEquals("v1", TypeRouting.senderFor(p, "v3", s -> types.takes(s, "m.mpg")));
        assertEquals("i1", TypeRouting.senderFor(p, "v1", s -> types.takes(s, "index.html")), "untagged files take the tree");
    }

    @Test
    void aDeadImagesForwardersOrphansGoToALivePeerTakingTheirClasses() {
        Deployment d = tagged(java.util.Map.of("i1", "images", "i2", "images", "i3", "images", "p1", "", "p2", ""));
        Elements.servers(d).stream().filter(s -> s.getName().equals("p2")).forEach(s -> s.setWeight(3)); // the strongest, most free slots
        RoutePlan p = RoutePlanner.plan(d, "src", all(d), s -> true, JPG);
        assertEquals(Optional.of("i1"), p.parentOf("i3"), p.toString());
        String dead = "i1";
        RoutePlan q = RoutePlanner.replan(d, p, dead, JPG);
        assertTrue(q.leftOut().contains(dead));
        assertTaggedPath(q, d, "i3");
        assertTaggedPath(q, d, "i2");
        RoutePlan blind = RoutePlanner.replan(d, p, dead);
        assertEquals(Optional.of("p2"), blind.parentOf("i3"), "without the tags the strongest peer would take it: " + blind);
    }
}
