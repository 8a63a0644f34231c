package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.syncline.ui.Coalescer;

/** A burst of requests (server pushes) is one run of the action, and a request after that run is another. */
class CoalescerTest {
    @Test
    void aBurstOfRequestsRunsTheActionOnceAndALaterRequestAgain() throws Exception {
        Shell shell = new Shell(Display.getCurrent());
        try {
            AtomicInteger runs = new AtomicInteger();
            Coalescer refresh = new Coalescer(shell, 100, runs::incrementAndGet);
            for (int i = 0; i < 50; i++) {
                refresh.request();
            }
            assertTrue(refresh.isPending());
            assertEquals(0, runs.get(), "nothing runs before the delay");
            UiEvents.waitUntil("the one run", () -> runs.get() == 1);
            assertFalse(refresh.isPending());
            refresh.request();
            refresh.request();
            UiEvents.waitUntil("a second run for the later requests", () -> runs.get() == 2);
            Thread.sleep(300);
            UiEvents.flush();
            assertEquals(2, runs.get(), "two bursts, two runs");
        } finally {
            shell.dispose();
        }
    }

    @Test
    void nothingRunsOnceTheControlIsDisposed() throws Exception {
        Shell shell = new Shell(Display.getCurrent());
        AtomicInteger runs = new AtomicInteger();
        Coalescer refresh = new Coalescer(shell, 50, runs::incrementAndGet);
        refresh.request();
        shell.dispose();
        Thread.sleep(200);
        UiEvents.flush();
        assertEquals(0, runs.get());
        refresh.request();
        assertFalse(refresh.isPending(), "a request after the dispose schedules nothing");
    }
}
