package org.syncline.sharing.host;

/**
 * What a host shares: one top-level window (its own pixels only) or, by explicit choice, the whole screen.
 *
 * @param windowId the window's id as {@link org.syncline.sharing.capture.WindowInfo#id()} gives it (0 for the screen)
 * @param screen true when the whole screen is shared
 */
public record ShareTarget(long windowId, boolean screen) {

    public ShareTarget {
        if (screen ? windowId != 0 : windowId <= 0) {
            throw new IllegalArgumentException(screen ? "the whole screen has no window id" : "window id " + windowId + " is not a window");
        }
    }

    public static ShareTarget window(long windowId) {
        return new ShareTarget(windowId, false);
    }

    public static ShareTarget wholeScreen() {
        return new ShareTarget(0, true);
    }

    /** For messages: "window 0x1a00003" or "the whole screen". */
    public String describe() {
        return screen ? "the whole screen" : "window 0x" + Long.toHexString(windowId);
    }
}
