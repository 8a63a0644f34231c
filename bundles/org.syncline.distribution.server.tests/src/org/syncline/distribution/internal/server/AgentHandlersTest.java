package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.AgentSample;
import org.syncline.distribution.DiskSpace;

/** Samples the master refuses before they reach the batch it writes with every other agent's samples. */
class AgentHandlersTest {
    private static AgentSample sample(double cpu, long memUsed, String path) {
        return new AgentSample("a", Instant.now(), cpu, memUsed, 10, List.of(new DiskSpace(path, 1, 2)), -1, 0, 0, 5);
    }

    @Test
    void outOfRangeSamplesAreRefusedAndGoodOnesPass() {
        AgentSample good = sample(42.5, 3, "/srv");
        assertEquals(good, AgentHandlers.checked(good));
        for (AgentSample bad : List.of(sample(Double.NaN, 3, "/srv"), sample(101, 3, "/srv"), sample(5, -1, "/srv"),
                sample(5, 3, "x".repeat(1025)))) {
            assertEquals(ErrorCode.BAD_REQUEST, assertThrows(SynclineException.class, () -> AgentHandlers.checked(bad)).code());
        }
    }
}
