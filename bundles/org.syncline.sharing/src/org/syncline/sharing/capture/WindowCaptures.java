package org.syncline.sharing.capture;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sharing.internal.x11.X11WindowCapture;

/** Picks the {@link WindowCapture} for the desktop this process runs on. */
public final class WindowCaptures {

    private WindowCaptures() {
    }

    /**
     * Connects to this desktop.
     *
     * @throws SynclineException {@code CONFIG} when the platform has no implementation or no display is reachable
     */
    public static WindowCapture forThisDesktop() {
        return X11WindowCapture.connect(displayName());
    }

    /** The X11 display this process uses, refusing platforms without one with a sentence that says why. */
    public static String displayName() {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(java.util.Locale.ROOT).contains("linux")
                && !os.toLowerCase(java.util.Locale.ROOT).contains("bsd")) {
            throw new SynclineException(ErrorCode.CONFIG, "Window sharing is available on X11 desktops only for now; "
                    + os + " has no implementation yet.");
        }
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            throw new SynclineException(ErrorCode.CONFIG,
                    "Window sharing needs an X11 display, and DISPLAY is not set (Wayland-only sessions are not supported yet).");
        }
        return display;
    }
}
