package org.syncline.distribution.internal.ui.diagram;

import java.util.List;
import java.util.Map;

import org.syncline.distribution.RunTarget;
import org.syncline.distribution.routing.Hop;
import org.syncline.distribution.routing.RoutePlan;

/**
 * A job's tree drawn over the topology: the source, the hops of a planned or running run in the order they
 * are taken (parents before children), and each target's state in that run ({@link RunTarget#PENDING},
 * receiving, ok, failed, left out, out of date; none for a plan). Only drawn: the model never changes.
 */
public record RunOverlay(String title, String source, List<Hop> hops, Map<String, String> states) {
    public RunOverlay {
        hops = List.copyOf(hops);
        states = Map.copyOf(states);
    }

    /** The tree a run would take now; the targets it leaves out are marked so. */
    public static RunOverlay of(String title, RoutePlan plan) {
        Map<String, String> states = new java.util.HashMap<>();
        plan.leftOut().forEach(s -> states.put(s, RunTarget.LEFT_OUT));
        return new RunOverlay(title, plan.source(), plan.hops(), states);
    }

    /** The tree a run takes: each target's parent, parents before children, coloured by its state. */
    public static RunOverlay of(String title, String source, List<RunTarget> targets) {
        Map<String, String> states = new java.util.HashMap<>();
        targets.forEach(t -> states.put(t.server(), t.state()));
        List<Hop> hops = new java.util.ArrayList<>();
        java.util.Set<String> reached = new java.util.HashSet<>(List.of(source));
        List<RunTarget> waiting = new java.util.ArrayList<>(targets.stream().filter(t -> !t.from().isEmpty()).toList());
        boolean progress = true;
        while (!waiting.isEmpty() && progress) {
            progress = false;
            for (java.util.Iterator<RunTarget> it = waiting.iterator(); it.hasNext();) {
                RunTarget t = it.next();
                if (reached.contains(t.from())) {
                    hops.add(new Hop(t.from(), t.server(), "", 0, 0));
                    reached.add(t.server());
                    it.remove();
                    progress = true;
                }
            }
        }
        waiting.forEach(t -> hops.add(new Hop(t.from(), t.server(), "", 0, 0))); // a parent outside the tree: drawn last
        return new RunOverlay(title, source, hops, states);
    }

    /** The fill of a target's state: blue-grey pending, amber receiving, green ok, red failed, grey left out or out of date. */
    public static int color(String state) {
        if (state == null) {
            return 0x1a73e8; // planned
        }
        return switch (state) {
            case RunTarget.PENDING -> 0x7986cb;
            case RunTarget.RECEIVING -> 0xf9a825;
            case RunTarget.OK -> 0x2e7d32;
            case RunTarget.FAILED -> 0xc62828;
            default -> 0x9e9e9e;
        };
    }
}
