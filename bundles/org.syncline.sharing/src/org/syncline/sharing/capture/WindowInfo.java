package org.syncline.sharing.capture;

import java.util.Optional;

/**
 * One top-level window a host can choose to share.
 *
 * @param id the platform's window id (X11: the XID), as {@link WindowCapture#openWindow(long)} takes it
 * @param title the window's title ("" when it has none)
 * @param application the application it belongs to (X11: the WM_CLASS class name, "" when unknown)
 * @param pid the owning process id, or -1 when the platform does not say
 * @param bounds position and size on the screen
 * @param thumbnail a small picture of the window's own pixels, empty when it could not be read
 */
public record WindowInfo(long id, String title, String application, long pid, Region bounds,
        Optional<Thumbnail> thumbnail) {
}
