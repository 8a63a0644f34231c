package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.distribution.AgentInfo;
import org.syncline.distribution.AgentSample;
import org.syncline.testing.ManualClock;

/** Agents' states pushed as they change, with no alert rule: offline after the configured missed heartbeats, online at the next. */
class AgentStateWatchTest extends WithMonitoringDatabase {
    private final ManualClock clock = new ManualClock();


    @Test
    void anAgentGoesOfflineAfterTheMissedHeartbeatsOnceAndOnlineAtItsNext() {
        AgentRoster roster = new AgentRoster(new MasterTopology(db), clock, 101, 2);
        List<AgentInfo> pushed = new ArrayList<>();
        AgentStateWatch watch = new AgentStateWatch(roster, name -> false, pushed::add);
        roster.hello("m1", "web-1", "10.0.0.5", 7443, List.of("agent"), 5);
        roster.hello("m2", "web-2", "10.0.0.6", 7443, List.of("agent"), 5);
        watch.check();
        assertEquals(List.of(), pushed, "the first check learns the states");

        clock.advance(Duration.ofMillis(9_000)); // web-2 reports, web-1 has missed one heartbeat of two
        roster.sample("m2", AgentSample.none("web-2"));
        watch.check();
        assertEquals(List.of(), pushed);

        clock.advance(Duration.ofMillis(2_000)); // web-1: 11 s, more than two heartbeats of 5 s
        watch.check();
        watch.check();
        assertEquals(1, pushed.size(), "pushed once: " + pushed);
        assertEquals("web-1", pushed.get(0).name());
        assertEquals(AgentInfo.OFFLINE, pushed.get(0).state());

        roster.sample("m1", AgentSample.none("web-1"));
        watch.check();
        assertEquals(2, pushed.size());
        assertEquals(AgentInfo.ONLINE, pushed.get(1).state(), "online at its next heartbeat");
        assertTrue(pushed.stream().noneMatch(a -> a.name().equals("web-2")), "web-2 never changed: " + pushed);
    }
}
