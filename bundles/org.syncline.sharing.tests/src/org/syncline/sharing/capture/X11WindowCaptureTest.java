package org.syncline.sharing.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.codec.TileDecoder;
import org.syncline.sharing.codec.TileEncoder;
import org.syncline.testing.TestDesktop;

/** Captures real windows under Xvfb while another application's window covers them. */
class X11WindowCaptureTest {

    private static final int BACKGROUND = 0x2060a0;
    private static final int PANEL = 0xe0c020;
    private static final int SECRET = 0xff00ff;
    private static final int PAINTED = 0x10d050;

    private TestDesktop desktop;
    private WindowCapture capture;
    private long shared;

    @BeforeEach
    void windows() {
        desktop = TestDesktop.open();
        shared = desktop.window(50, 60, 200, 150, BACKGROUND, "Shared test window");
        desktop.child(shared, 20, 30, 60, 40, PANEL);
        capture = WindowCaptures.forThisDesktop();
    }

    @AfterEach
    void close() {
        capture.close();
        desktop.close();
    }

    /** Background with the panel at (20,30) 60x40, as the server paints it. */
    private static int expected(int x, int y) {
        return 0xff000000 | (x >= 20 && x < 80 && y >= 30 && y < 70 ? PANEL : BACKGROUND);
    }

    private static void assertPattern(CapturedFrame frame, String when) {
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int pixel = frame.pixels()[y * frame.stride() + x];
                if ((pixel & 0xffffff) == SECRET) {
                    fail(when + ": the secret window's colour is in the shared frame at " + x + "," + y);
                }
                if (pixel != expected(x, y)) {
                    fail(when + ": pixel " + x + "," + y + " is " + Integer.toHexString(pixel) + ", expected "
                            + Integer.toHexString(expected(x, y)));
                }
            }
        }
    }

    @Test
    void theSharedWindowsOwnPixelsOnlyWhileASecretWindowMovesOverIt() {
        long secret = desktop.window(0, 0, 120, 120, SECRET, "Secret");
        try (CaptureStream stream = capture.openWindow(shared)) {
            CapturedFrame first = stream.read();
            assertEquals(200, first.width());
            assertEquals(150, first.height());
            assertPattern(first, "first frame with the secret window over the corner");
            for (int step = 0; step < 8; step++) {
                desktop.move(secret, 20 + step * 25, 40 + step * 12);
                desktop.raise(secret);
                assertPattern(stream.read(), "secret window at step " + step);
            }
        }
    }

    @Test
    void paintingUnderTheCoveringWindowIsCapturedAndReportedAsDamage() {
        long secret = desktop.window(40, 50, 150, 150, SECRET, "Secret");
        try (CaptureStream stream = capture.openWindow(shared)) {
            stream.read();
            desktop.raise(secret);
            desktop.fill(shared, 100, 100, 30, 20, PAINTED);
            CapturedFrame frame = stream.read();
            assertEquals(0xff000000 | PAINTED, frame.pixels()[105 * frame.stride() + 110],
                    "the shared window's own drawing under the covering window is captured");
            assertTrue(stream.tracksDamage(), "Xvfb has DAMAGE");
            assertTrue(frame.damageKnown());
            assertTrue(frame.dirty().stream().anyMatch(r -> r.contains(100, 100) && r.contains(129, 119)),
                    "the painted rectangle is reported dirty: " + frame.dirty());
            assertFalse(frame.dirty().stream().anyMatch(r -> r.contains(5, 5)),
                    "untouched parts are not reported: " + frame.dirty());
            for (int y = 0; y < frame.height(); y++) {
                for (int x = 0; x < frame.width(); x++) {
                    assertFalse((frame.pixels()[y * frame.stride() + x] & 0xffffff) == SECRET, "secret at " + x + "," + y);
                }
            }
            CapturedFrame unchanged = stream.read();
            assertTrue(unchanged.dirty().isEmpty(), "nothing changed since: " + unchanged.dirty());
        }
    }

    @Test
    void aResizeGivesFramesOfTheNewSizeAndTheEncoderAKeyframe() {
        TileEncoder encoder = new TileEncoder();
        TileDecoder viewer = new TileDecoder();
        try (CaptureStream stream = capture.openWindow(shared)) {
            viewer.apply(encoder.encode(stream.read()));
            assertTrue(encoder.encode(stream.read()).tiles().isEmpty(), "an unchanged window sends no tiles");

            desktop.resize(shared, 260, 180);
            desktop.move(shared, 300, 200);
            CapturedFrame resized = stream.read();
            assertEquals(260, resized.width());
            assertEquals(180, resized.height());
            assertPattern(resized, "after the resize");
            FrameUpdate update = encoder.encode(resized);
            assertTrue(update.keyframe(), "a resize starts a keyframe");
            assertEquals(260, update.width());
            viewer.apply(update);
            for (int y = 0; y < 180; y++) {
                for (int x = 0; x < 260; x++) {
                    assertEquals(expected(x, y), viewer.framebuffer()[y * 260 + x], "viewer pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void theWindowListNamesTheWindowWithItsBoundsAndAThumbnailOfItsOwnPixels() {
        desktop.window(0, 0, 150, 150, SECRET, "Secret");
        List<WindowInfo> windows = capture.listWindows(50);
        WindowInfo info = windows.stream().filter(w -> w.id() == shared).findFirst()
                .orElseThrow(() -> new AssertionError("shared window missing from " + windows));
        assertEquals("Shared test window", info.title());
        assertEquals("SynclineTest", info.application());
        assertEquals(new Region(50, 60, 200, 150), info.bounds());
        Thumbnail thumbnail = info.thumbnail().orElseThrow();
        assertEquals(50, thumbnail.width());
        assertEquals(38, thumbnail.height());
        for (int pixel : thumbnail.argb()) {
            assertFalse((pixel & 0xffffff) == SECRET, "the thumbnail shows the covering window");
        }
        assertEquals(0xff000000 | BACKGROUND, thumbnail.argb()[0]);
    }

    @Test
    void popupMenusOfTheSharedApplicationAreShownButNoOtherApplicationsPopups() {
        int menu = 0x30d0d0;
        try (TestDesktop other = TestDesktop.openOtherApplication();
                CaptureStream stream = capture.openWindow(shared)) {
            assertPattern(stream.read(), "before any popup");
            desktop.popup(50 + 150, 60 + 100, 80, 70, menu); // hangs over the right and bottom edges
            other.popup(50 + 10, 60 + 10, 40, 40, SECRET); // another application's override-redirect window
            CapturedFrame frame = stream.read();
            for (int y = 0; y < frame.height(); y++) {
                for (int x = 0; x < frame.width(); x++) {
                    int pixel = frame.pixels()[y * frame.stride() + x];
                    int want = x >= 150 && y >= 100 ? 0xff000000 | menu : expected(x, y);
                    if (pixel != want) {
                        fail("pixel " + x + "," + y + " is " + Integer.toHexString(pixel) + ", expected "
                                + Integer.toHexString(want));
                    }
                }
            }
            assertTrue(frame.dirty().stream().anyMatch(r -> r.contains(150, 100) && r.contains(199, 149)),
                    "the popup's area is dirty: " + frame.dirty());

            for (WindowInfo info : capture.listWindows(8)) {
                assertFalse(info.bounds().equals(new Region(200, 160, 80, 70)), "popups are not listed as windows");
            }
        }
    }

    @Test
    void aClosedPopupLeavesTheWindowsOwnPixels() {
        try (CaptureStream stream = capture.openWindow(shared)) {
            stream.read();
            long menu = desktop.popup(60, 70, 50, 50, 0x30d0d0);
            CapturedFrame withMenu = stream.read();
            assertEquals(0xff30d0d0, withMenu.pixels()[20 * withMenu.stride() + 20]);
            desktop.unmap(menu);
            CapturedFrame after = stream.read();
            assertTrue(after.dirty().stream().anyMatch(r -> r.contains(10, 10) && r.contains(59, 59)),
                    "where the popup was is dirty again: " + after.dirty());
            assertPattern(after, "after the popup closed");
        }
    }

    @Test
    void listingWindowsWhileSharingOneKeepsItsCaptureIntact() {
        long secret = desktop.window(40, 50, 150, 150, SECRET, "Secret");
        try (CaptureStream stream = capture.openWindow(shared)) {
            assertPattern(stream.read(), "before listing");
            assertTrue(capture.listWindows(32).stream().anyMatch(w -> w.id() == shared));
            desktop.move(secret, 60, 70);
            desktop.raise(secret);
            desktop.fill(shared, 100, 100, 30, 20, PAINTED);
            CapturedFrame frame = stream.read();
            assertEquals(0xff000000 | PAINTED, frame.pixels()[105 * frame.stride() + 110],
                    "the window is still redirected after the list's thumbnails");
            for (int y = 0; y < frame.height(); y++) {
                for (int x = 0; x < frame.width(); x++) {
                    assertFalse((frame.pixels()[y * frame.stride() + x] & 0xffffff) == SECRET, "secret at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void aMissingWindowIsNamedNotFound() {
        SynclineException e = assertThrows(SynclineException.class, () -> capture.openWindow(0x7ffffff0L));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
    }

    @Test
    void theWholeScreenCanBeCapturedWhenTheHostChoosesIt() {
        try (CaptureStream stream = capture.openScreen()) {
            CapturedFrame frame = stream.read();
            assertTrue(frame.width() >= 260 && frame.height() >= 210, frame.width() + "x" + frame.height());
            assertEquals(0xff000000 | BACKGROUND, frame.pixels()[(60 + 5) * frame.stride() + 50 + 5]);
        }
    }
}
