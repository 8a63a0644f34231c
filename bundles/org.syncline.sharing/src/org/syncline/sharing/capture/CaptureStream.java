package org.syncline.sharing.capture;

/**
 * An open capture of one window (or the whole screen). Not thread-safe: one thread reads frames.
 */
public interface CaptureStream extends AutoCloseable {

    /**
     * Reads the current pixels. The first read, and the first read after the window changed size, marks the whole
     * frame dirty; later reads list what changed since the previous read (or say that nothing is known).
     *
     * @throws org.syncline.core.SynclineException {@code NOT_FOUND} when the window is gone
     */
    CapturedFrame read();

    /** True when this capture reports dirty rectangles (X11: the DAMAGE extension is present). */
    boolean tracksDamage();

    /** Stops capturing and frees the native resources; the window itself is left as it was. */
    @Override
    void close();
}
