package org.syncline.sharing.capture;

import java.util.List;

/**
 * The host's view of the desktop: which top-level windows there are, and captures of exactly one of them (its own
 * pixels only, also where other windows cover it) or of the whole screen. {@link WindowCaptures#forThisDesktop()}
 * picks the implementation for the running platform (X11 today; Windows and macOS can follow behind this
 * interface).
 */
public interface WindowCapture extends AutoCloseable {

    /** The mapped top-level windows, each with a thumbnail at most {@code thumbnailSide} pixels on its longer side. */
    List<WindowInfo> listWindows(int thumbnailSide);

    /**
     * Starts capturing one window.
     *
     * @throws org.syncline.core.SynclineException {@code NOT_FOUND} when there is no such window
     */
    CaptureStream openWindow(long windowId);

    /** Starts capturing the whole screen (only when the host chose to share everything). */
    CaptureStream openScreen();

    /** Closes the connection to the desktop; open streams must be closed first. */
    @Override
    void close();
}
