package org.syncline.distribution.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.model.topology.Codec;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TransferMode;
import org.syncline.model.topology.policy.LinkPolicies;
import org.syncline.model.topology.query.Elements;

/**
 * Plans the tree a job run travels along, from the topology and which servers can take part (no I/O: the caller
 * passes the live state as a predicate). The source sends to one entry server per region (the strongest live
 * target there; the source itself in its own region), each region entry to one entry per other group of its
 * region, and each group entry forwards inside its group. Inside a group the members, strongest first, are
 * filled in breadth first, each node taking as many children as its fan-out: its upload budget
 * ({@link #BUDGET_PER_WEIGHT} per unit of hardware weight) divided by the link's bandwidth cap, or twice its
 * weight on an uncapped link, between 1 and {@link #MAX_FAN_OUT}. Unassigned servers get the content from the
 * source directly.
 * <p>
 * With data-type tags ({@code *.jpg -> images}) the tree is planned per class of content as well: a server's
 * classes are the job's tags it carries (every server takes untagged files). Servers carrying more of the classes
 * are placed higher (entries first, then breadth first), and each server hangs below the first sender with a free
 * slot that takes every class it takes; so the servers taking jpg files form their own tree, fanned out by the same
 * caps and weights, and a server not taking them is neither a target nor a forwarder for them. Only where no
 * sender taking its classes has a free slot (or none exists, as for servers of two disjoint classes in one
 * group), a server hangs below the one missing the fewest of its classes; files of a class its parent does not
 * take then come to it from its nearest ancestor that takes them, at the latest the source ({@link TypeRouting}).
 */
public final class RoutePlanner {
    public static final int MAX_FAN_OUT = 8;
    /** Bytes per second of upload a server of weight 1 is taken to have for forwarding. */
    public static final long BUDGET_PER_WEIGHT = 50L * 1024 * 1024;
    private static final Comparator<Server> STRONGEST_FIRST = Comparator.comparingInt((Server s) -> -s.getWeight()).thenComparing(Server::getName);

    private RoutePlanner() {
    }

    /**
     * @param targets the servers the job's targets resolve to (the source among them is ignored)
     * @param usable  whether a server can take part now (not dead, overloaded or alerting)
     */
    public static RoutePlan plan(Deployment d, String source, Collection<String> targets, Predicate<String> usable) {
        return plan(d, source, targets, usable, Map.of());
    }

    /**
     * As {@link #plan(Deployment, String, Collection, Predicate)}, the tree shaped by the job's data-type tags.
     *
     * @param typeTags the job's pattern-to-tag mapping (empty: no data-type routing)
     */
    public static RoutePlan plan(Deployment d, String source, Collection<String> targets, Predicate<String> usable,
            Map<String, String> typeTags) {
        Map<String, Server> servers = byName(d);
        Classes classes = new Classes(typeTags, source);
        Server src = servers.get(source);
        if (src == null || !usable.test(source)) {
            throw new SynclineException(ErrorCode.NOT_FOUND, src == null ? "The source server '" + source + "' is not in the topology."
                    : "The source server '" + source + "' is not available (dead, overloaded or alerting); the run waits for it.");
        }
        List<String> leftOut = new ArrayList<>();
        Map<String, Map<Group, List<Server>>> byRegion = new LinkedHashMap<>();
        List<Server> unassigned = new ArrayList<>();
        for (String name : new TreeSet<>(targets)) {
            Server s = servers.get(name);
            if (name.equals(source)) {
                continue;
            }
            if (s == null || !usable.test(name)) {
                leftOut.add(name);
            } else if (s.getGroup() == null) {
                unassigned.add(s);
            } else {
                byRegion.computeIfAbsent(regionOf(s), r -> new LinkedHashMap<>()).computeIfAbsent(s.getGroup(), g -> new ArrayList<>()).add(s);
            }
        }
        Tree tree = new Tree(src, classes);
        List<String> regions = new ArrayList<>(byRegion.keySet());
        regions.sort(Comparator.comparing((String r) -> !r.equals(regionOf(src))).thenComparing(r -> r));
        for (String region : regions) {
            Map<Group, List<Server>> groups = byRegion.get(region);
            Server regionEntry = region.equals(regionOf(src)) ? src : broadest(groups.values(), classes);
            if (regionEntry != src) {
                tree.attach(src, regionEntry);
            }
            List<Group> order = new ArrayList<>(groups.keySet());
            order.sort(Comparator.comparing((Group g) -> g != regionEntry.getGroup()).thenComparing(Elements::path));
            for (Group g : order) {
                List<Server> members = new ArrayList<>(groups.get(g));
                members.sort(classes.broadestFirst());
                Server groupEntry = g == regionEntry.getGroup() ? regionEntry : members.get(0);
                if (groupEntry != regionEntry) {
                    tree.attach(regionEntry, groupEntry);
                }
                members.remove(groupEntry);
                tree.fill(groupEntry, members);
            }
        }
        unassigned.forEach(s -> tree.attach(src, s));
        return new RoutePlan(source, tree.hops(), leftOut);
    }

    /**
     * The plan with {@code dead} taken out mid-run: the other hops stay as they are, and each server {@code dead}
     * was sending to re-attaches, with everything below it, to the nearest live server in the tree: one of its
     * own group, else of its region, else of another region (the one with free fan-out first, then the strongest).
     */
    public static RoutePlan replan(Deployment d, RoutePlan plan, String dead) {
        return replan(d, plan, dead, Map.of());
    }

    /**
     * As {@link #replan(Deployment, RoutePlan, String)} for a plan made with data-type tags: each orphan goes to
     * the nearest live server that takes every class it takes (the source at the latest), else the nearest one.
     */
    public static RoutePlan replan(Deployment d, RoutePlan plan, String dead, Map<String, String> typeTags) {
        Classes classes = new Classes(typeTags, plan.source());
        if (dead.equals(plan.source())) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "The source server '" + dead + "' died; the run stops and starts again when it is back.");
        }
        Map<String, Server> servers = byName(d);
        Tree tree = new Tree(servers.get(plan.source()), classes);
        for (Hop h : plan.hops()) {
            if (!h.to().equals(dead) && !h.from().equals(dead)) {
                tree.attach(servers.get(h.from()), servers.get(h.to()));
            }
        }
        List<String> leftOut = new ArrayList<>(plan.leftOut());
        if (plan.receivers().contains(dead)) {
            leftOut.add(dead);
        }
        for (String orphanName : plan.childrenOf(dead)) {
            Server orphan = servers.get(orphanName);
            Set<String> below = new HashSet<>();
            collect(plan, orphanName, below);
            List<Server> candidates = new ArrayList<>();
            for (Server s : tree.members()) {
                if (!below.contains(s.getName())) {
                    candidates.add(s);
                }
            }
            Server parent = candidates.stream().min(Comparator.comparingInt((Server s) -> classes.missing(s, orphan))
                    .thenComparingInt((Server s) -> distance(s, orphan))
                    .thenComparing((Server s) -> tree.freeSlots(s) > 0 ? 0 : 1).thenComparing(STRONGEST_FIRST)).orElseThrow();
            tree.attach(parent, orphan);
        }
        // keep parents before children: re-order the hops by depth
        List<Hop> hops = new ArrayList<>(tree.hops());
        RoutePlan unordered = new RoutePlan(plan.source(), hops, leftOut);
        hops.sort(Comparator.comparingInt(h -> unordered.depthOf(h.to())));
        return new RoutePlan(plan.source(), hops, leftOut);
    }

    /** Fan-out of a server on a link with {@code policy}: its upload budget over the link's cap. */
    public static int fanOut(Server s, LinkPolicy policy) {
        long weight = Math.max(1, s.getWeight());
        long cap = policy == null ? 0 : policy.getBandwidthLimit();
        long n = cap <= 0 ? 2 * weight : weight * BUDGET_PER_WEIGHT / cap;
        return (int) Math.max(1, Math.min(MAX_FAN_OUT, n));
    }

    private static void collect(RoutePlan plan, String node, Set<String> into) {
        into.add(node);
        plan.childrenOf(node).forEach(c -> collect(plan, c, into));
    }

    /** 0 in the same group, 1 in the same region, 2 elsewhere. */
    private static int distance(Server a, Server b) {
        if (a.getGroup() != null && a.getGroup() == b.getGroup()) {
            return 0;
        }
        return Objects.equals(regionOf(a), regionOf(b)) && a.getGroup() != null ? 1 : 2;
    }

    private static String regionOf(Server s) {
        Group g = s.getGroup();
        return g == null || g.getRegion() == null ? "" : g.getRegion().getName();
    }

    private static Server broadest(Collection<List<Server>> groups, Classes classes) {
        return groups.stream().flatMap(List::stream).min(classes.broadestFirst()).orElseThrow();
    }

    /**
     * The classes of content of a job with data-type tags: the job's tags a server carries (the source holds every
     * file, so it takes them all). Without tags every server takes everything.
     */
    private static final class Classes {
        private final Set<String> jobTags;
        private final String source;
        private final Map<Server, Set<String>> of = new HashMap<>();

        Classes(Map<String, String> typeTags, String source) {
            this.jobTags = Set.copyOf(typeTags.values());
            this.source = source;
        }

        Set<String> of(Server s) {
            return of.computeIfAbsent(s, k -> {
                Set<String> t = new HashSet<>(k.getTags());
                t.retainAll(jobTags);
                return t;
            });
        }

        /** How many of {@code receiver}'s classes {@code sender} does not take (0: it can forward all it needs). */
        int missing(Server sender, Server receiver) {
            if (sender.getName().equals(source)) {
                return 0;
            }
            Set<String> own = of(sender);
            return (int) of(receiver).stream().filter(t -> !own.contains(t)).count();
        }

        /** Servers taking more classes first, then the strongest. */
        Comparator<Server> broadestFirst() {
            return Comparator.comparingInt((Server s) -> -of(s).size()).thenComparing(STRONGEST_FIRST);
        }
    }

    private static Map<String, Server> byName(Deployment d) {
        Map<String, Server> out = new HashMap<>();
        Elements.servers(d).forEach(s -> out.put(s.getName(), s));
        return out;
    }

    static LinkPolicy policy(Server from, Server to) {
        return LinkPolicies.effective(from, to).orElseGet(LinkPolicies::builtIn);
    }

    /** The tree under construction: hops in the order they were attached, children counted per node. */
    private static final class Tree {
        private final List<Hop> hops = new ArrayList<>();
        private final Map<Server, Integer> children = new HashMap<>();
        private final List<Server> members = new ArrayList<>();
        private final Map<Server, Integer> fanOuts = new HashMap<>();
        private final Classes classes;

        Tree(Server source, Classes classes) {
            this.classes = classes;
            members.add(source);
        }

        void attach(Server from, Server to) {
            LinkPolicy p = policy(from, to);
            hops.add(new Hop(from.getName(), to.getName(), p.getTransferMode() == TransferMode.DELTA ? Hop.DELTA : Hop.WHOLE, p.getCompression(),
                    p.getBandwidthLimit(), p.getCodec() == Codec.ZSTD ? Hop.ZSTD : Hop.DEFLATE));
            children.merge(from, 1, Integer::sum);
            members.add(to);
        }

        int freeSlots(Server s) {
            return fanOuts.computeIfAbsent(s, k -> fanOut(k, k.getGroup() == null ? null : policy(k, k))) - children.getOrDefault(s, 0);
        }

        /**
         * Breadth first from {@code entry}: each member goes to the earliest node with a free slot that takes all its
         * classes (else to the earliest missing the fewest of them), then takes children itself.
         */
        void fill(Server entry, List<Server> members) {
            List<Server> senders = new ArrayList<>();
            senders.add(entry);
            for (Server m : members) {
                senders.removeIf(s -> freeSlots(s) <= 0);
                Server parent = null;
                int fewest = Integer.MAX_VALUE;
                for (Server s : senders) {
                    int missing = classes.missing(s, m);
                    if (missing < fewest) {
                        parent = s;
                        fewest = missing;
                        if (missing == 0) {
                            break;
                        }
                    }
                }
                attach(parent == null ? entry : parent, m);
                senders.add(m);
            }
        }

        List<Hop> hops() {
            return hops;
        }

        List<Server> members() {
            return members;
        }
    }
}
