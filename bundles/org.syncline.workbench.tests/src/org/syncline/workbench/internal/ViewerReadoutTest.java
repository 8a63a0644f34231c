package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.syncline.sharing.internal.ui.ViewerReadout;

/** The viewer's readout: latency only while updates arrive, "idle" on a still picture (times passed in, not waited). */
class ViewerReadoutTest {
    private static final long MS = 1_000_000L;

    @Test
    void aStillPictureIsIdleInsteadOfShowingItsAge() {
        ViewerReadout readout = new ViewerReadout();
        assertEquals("0.0 frames/s   idle (no change for 0 s)", readout.text(0));
        // the late joiner's keyframe: captured 2,786 ms before it arrived, no latency claimed for it
        readout.painted(1, 10_000, 1_000 * MS, 12_786);
        assertEquals("1.0 frames/s", readout.text(1_000 * MS));
        readout.painted(2, 12_800, 1_040 * MS, 12_835);
        readout.painted(3, 12_833, 1_073 * MS, 12_864);
        assertEquals("3.0 frames/s   latency 31 ms", readout.text(1_080 * MS));
        // a repaint of the same picture (a resize) is not an update
        readout.painted(3, 12_833, 1_500 * MS, 13_300);
        assertEquals("3.0 frames/s   latency 31 ms", readout.text(1_500 * MS));
        assertEquals("0.0 frames/s   idle (no change for 3 s)", readout.text(4_073 * MS + 1));
        // updates again: the latency is the new one's, not the still picture's age
        readout.painted(4, 20_000, 9_000 * MS, 20_045);
        assertEquals("1.0 frames/s   latency 45 ms", readout.text(9_000 * MS));
        assertEquals(4, readout.paintedUpdates());
    }
}
