package org.syncline.sharing.internal.x11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncline.testing.TestDesktop;

import com.sun.jna.platform.unix.X11;

/** MIT-SHM reads (Xvfb offers the extension) give exactly the pixels XGetImage gives, and refuse what XGetImage refuses. */
class SharedImageTest {
    private static final int BACKGROUND = 0x2060a0;
    private static final int PANEL = 0xe0c020;

    private TestDesktop desktop;
    private XConnection x;
    private long window;

    @BeforeEach
    void window() {
        desktop = TestDesktop.open();
        window = desktop.window(10, 20, 150, 90, BACKGROUND, "Shared memory test window");
        desktop.child(window, 30, 10, 40, 20, PANEL);
        desktop.sync();
        x = XConnection.open(System.getenv("DISPLAY"));
    }

    @AfterEach
    void close() {
        x.close();
        desktop.close();
    }

    @Test
    void readsTheSamePixelsAsXGetImage() {
        X11.XWindowAttributes attributes = new X11.XWindowAttributes();
        XConnection.X.XGetWindowAttributes(x.display(), new X11.Window(window), attributes);
        try (SharedImage image = SharedImage.create(x, attributes.visual, attributes.depth, 150, 90)) {
            assertNotNull(image, "Xvfb offers MIT-SHM, so a shared image must be made");
            int[] shared = new int[150 * 90];
            int[] copied = new int[150 * 90];
            assertTrue(image.read(new X11.Window(window), 0, 0, shared));
            assertTrue(x.readPixels(new X11.Window(window), 0, 0, 150, 90, copied));
            assertArrayEquals(copied, shared);
            assertEquals(0xff000000 | BACKGROUND, shared[0]);
            assertEquals(0xff000000 | PANEL, shared[15 * 150 + 40]);

            desktop.fill(window, 0, 0, 5, 5, PANEL);
            desktop.sync();
            assertTrue(image.read(new X11.Window(window), 0, 0, shared));
            assertEquals(0xff000000 | PANEL, shared[0], "a second read sees the new pixels");
            assertFalse(image.read(new X11.Window(window), 100, 0, shared), "a rectangle past the window's edge is refused");
        }
    }
}
