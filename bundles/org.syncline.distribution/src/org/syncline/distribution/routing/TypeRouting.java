package org.syncline.distribution.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.syncline.core.filter.TypeTags;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.query.Elements;

/**
 * Data-type routing of one job in a planned tree: a file its type tags mark ({@code *.jpg -> images}) goes only to
 * the servers carrying one of those tags; an untagged file goes to every receiver. The planner puts each server
 * below one taking its classes wherever it can ({@link RoutePlanner}); where it could not, a receiver whose parent
 * does not take a file gets it directly from its nearest ancestor that holds it (the source at the latest), so a
 * forwarding server never keeps a file its own tags exclude, not even in passing.
 */
public final class TypeRouting {
    private final TypeTags types;
    private final Map<String, Set<String>> tags = new HashMap<>();

    /** @param typeTags the job's pattern-to-tag mapping; {@code d} the topology giving each server's tags */
    public TypeRouting(Map<String, String> typeTags, Deployment d) {
        this.types = new TypeTags(typeTags);
        for (Server s : Elements.servers(d)) {
            tags.put(s.getName(), Set.copyOf(s.getTags()));
        }
    }

    /** Whether {@code server} receives the file at {@code path} (relative to the job's paths). */
    public boolean takes(String server, String path) {
        return types.takes(path, tags.getOrDefault(server, Set.of()));
    }

    /**
     * Who sends a file to {@code receiver}: its nearest ancestor in {@code plan} for which {@code holds} is true,
     * else the source (which holds every file of the run).
     */
    public static String senderFor(RoutePlan plan, String receiver, Predicate<String> holds) {
        Optional<String> up = plan.parentOf(receiver);
        while (up.isPresent() && !up.get().equals(plan.source())) {
            if (holds.test(up.get())) {
                return up.get();
            }
            up = plan.parentOf(up.get());
        }
        return plan.source();
    }
}
