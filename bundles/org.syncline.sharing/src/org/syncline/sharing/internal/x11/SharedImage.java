package org.syncline.sharing.internal.x11;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;

/**
 * A {@code width x height} image in memory shared with the X server (MIT-SHM): the server writes a drawable's pixels
 * straight into it, instead of sending them through the socket as {@code XGetImage} does (about 5 ms a 1280x720
 * frame saved). Only for a server on this machine; {@link #create} returns null wherever MIT-SHM cannot be used and
 * the caller reads with {@code XGetImage}. One thread at a time, like its connection.
 */
final class SharedImage implements AutoCloseable {
    /** {@code -Dsyncline.sharing.xshm=false} reads every frame with XGetImage (to compare, or to rule MIT-SHM out). */
    static final boolean ENABLED = !"false".equals(System.getProperty("syncline.sharing.xshm"));
    private static final NativeLong ALL_PLANES = new NativeLong(-1L);
    private static volatile boolean librariesLoaded;
    private static XShm xshm;
    private static SharedMemory memory;

    private final XConnection x;
    private final XShm.SegmentInfo segment;
    private final Pointer image;
    private final int width;
    private final int height;
    private final int bytesPerLine;
    private final boolean swap;
    private boolean closed;

    private SharedImage(XConnection x, XShm.SegmentInfo segment, Pointer image, XImageHeader header) {
        this.x = x;
        this.segment = segment;
        this.image = image;
        this.width = header.width;
        this.height = header.height;
        this.bytesPerLine = header.bytes_per_line;
        this.swap = XConnection.swapsBytes(header.byte_order);
    }

    /** A shared image for drawables of this visual and depth, or null when MIT-SHM is missing or refused. */
    static SharedImage create(XConnection x, X11.Visual visual, int depth, int width, int height) {
        if (!ENABLED || !loadLibraries() || !x.hasExtension("MIT-SHM") || !xshm.XShmQueryExtension(x.display())) {
            return null;
        }
        XShm.SegmentInfo segment = new XShm.SegmentInfo();
        Pointer image = xshm.XShmCreateImage(x.display(), visual, depth, Xlib.ZPixmap, Pointer.NULL, segment, width, height);
        if (image == null) {
            return null;
        }
        XImageHeader header = new XImageHeader(image);
        long size = (long) header.bytes_per_line * header.height;
        if (header.bits_per_pixel != 32 || size <= 0) {
            XConnection.X.XFree(image);
            return null;
        }
        int id = memory.shmget(SharedMemory.IPC_PRIVATE, new NativeLong(size), SharedMemory.IPC_CREAT | 0600);
        if (id < 0) {
            XConnection.X.XFree(image);
            return null;
        }
        Pointer address = memory.shmat(id, Pointer.NULL, 0);
        if (Pointer.nativeValue(address) == -1L) {
            memory.shmctl(id, SharedMemory.IPC_RMID, Pointer.NULL);
            XConnection.X.XFree(image);
            return null;
        }
        segment.shmid = id;
        segment.shmaddr = address;
        segment.readOnly = 0;
        segment.write();
        header.data = address;
        header.writeField("data");
        boolean attached = xshm.XShmAttach(x.display(), segment) && x.takeError() == 0;
        // marked for removal now that both sides hold it: the kernel frees it when the last one lets go, even after a crash
        memory.shmctl(id, SharedMemory.IPC_RMID, Pointer.NULL);
        if (!attached) {
            memory.shmdt(address);
            XConnection.X.XFree(image);
            return null;
        }
        return new SharedImage(x, segment, image, header);
    }

    private static synchronized boolean loadLibraries() {
        if (!librariesLoaded) {
            xshm = XConnection.loadExtension("Xext", XShm.class);
            try {
                memory = Native.load("c", SharedMemory.class);
            } catch (UnsatisfiedLinkError e) {
                memory = null;
            }
            librariesLoaded = true;
        }
        return xshm != null && memory != null;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * Reads the {@code width x height} rectangle of {@code drawable} at (x, y) into {@code target} as opaque ARGB.
     *
     * @return false when the server refused (the drawable is gone or the rectangle lies outside it)
     */
    boolean read(X11.Drawable drawable, int left, int top, int[] target) {
        if (!xshm.XShmGetImage(x.display(), drawable, image, left, top, ALL_PLANES)) {
            x.takeError();
            return false;
        }
        XConnection.toArgb(segment.shmaddr, bytesPerLine, swap, width, height, target);
        return true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        xshm.XShmDetach(x.display(), segment);
        x.sync();
        memory.shmdt(segment.shmaddr);
        // the XImage was made by XShmCreateImage around memory it does not own: free only the structure
        XConnection.X.XFree(image);
    }
}
