package org.syncline.sharing.internal.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewerPaceTest {
    @Test
    void aViewerHasAtMostTwoUnacknowledgedUpdatesOnItsWay() throws Exception {
        ViewerPace pace = new ViewerPace();
        assertTrue(pace.awaitTurn(0));
        pace.sent();
        assertTrue(pace.awaitTurn(0));
        pace.sent();
        assertFalse(pace.awaitTurn(0), "a third update went out before the viewer took the first");
        pace.acked(1);
        assertTrue(pace.awaitTurn(0));
    }

    @Test
    void anAckForUpdatesNeverSentIsIgnoredAndAReleaseEndsTheWait() throws Exception {
        ViewerPace pace = new ViewerPace();
        pace.sent();
        pace.sent();
        pace.acked(5);
        assertFalse(pace.awaitTurn(0));
        pace.release();
        assertFalse(pace.awaitTurn(60_000));
    }
}
