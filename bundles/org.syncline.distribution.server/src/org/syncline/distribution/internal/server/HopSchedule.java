package org.syncline.distribution.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.syncline.distribution.routing.Hop;
import org.syncline.distribution.routing.RoutePlan;
import org.syncline.distribution.routing.RoutePlanner;

/**
 * Which hops of a run's tree may start now. A hop starts once its parent started receiving (the source's at once:
 * cut-through, each file then waits for the parent to hold it or to receive it in a way that can be followed), and
 * a sender serves at most {@code parallelism} children at a time. The planner already sized every sender's fan-out
 * from its upload budget and the link caps ({@link RoutePlanner#fanOut}), so by default ({@link #AS_PLANNED}) a
 * sender serves all its planned children at once: a lower limit would send a fan-out of 8 in two waves and double
 * the run (what {@code dist-fanout.sh} measured with the old default of 4).
 */
final class HopSchedule {
    /** The default limit: any fan-out the planner gives, served at once. */
    static final int AS_PLANNED = RoutePlanner.MAX_FAN_OUT;

    private HopSchedule() {
    }

    /**
     * @param done   receivers whose hop ended
     * @param active receiver -> its sender, of the hops in flight
     * @return the hops to start now, parents before children
     */
    static List<Hop> ready(RoutePlan plan, Set<String> done, Map<String, String> active, int parallelism) {
        List<Hop> ready = new ArrayList<>();
        List<Hop> waiting = plan.hops().stream().filter(h -> !done.contains(h.to()) && !active.containsKey(h.to())).toList();
        for (Hop h : waiting) {
            boolean parentStarted = h.from().equals(plan.source()) || done.contains(h.from()) || active.containsKey(h.from())
                    || ready.stream().anyMatch(r -> r.to().equals(h.from()));
            long sending = active.values().stream().filter(h.from()::equals).count() + ready.stream().filter(r -> r.from().equals(h.from())).count();
            if (parentStarted && sending < parallelism) {
                ready.add(h);
            }
        }
        if (ready.isEmpty() && active.isEmpty() && !waiting.isEmpty()) {
            ready.add(waiting.get(0)); // a parent that will never hold the content: the hop fails on its own
        }
        return ready;
    }
}
