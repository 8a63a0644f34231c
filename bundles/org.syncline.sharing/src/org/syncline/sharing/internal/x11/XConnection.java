package org.syncline.sharing.internal.x11;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * One private connection to an X server, used by one thread at a time (callers synchronize). X protocol errors
 * are recorded per connection instead of Xlib's default of ending the process, and read with {@link #takeError()}.
 */
public final class XConnection implements AutoCloseable {

    static final X11 X = X11.INSTANCE;
    private static final NativeLong ALL_PLANES = new NativeLong(-1L);
    private static final Map<Pointer, Integer> LAST_ERRORS = new ConcurrentHashMap<>();
    private static final X11.XErrorHandler RECORDING_HANDLER = new X11.XErrorHandler() {
        @Override
        public int apply(X11.Display display, X11.XErrorEvent error) {
            LAST_ERRORS.put(display.getPointer(), error.error_code & 0xff);
            return 0;
        }
    };
    private static volatile boolean handlerInstalled;
    private static volatile Xlib xlib;

    private final X11.Display display;
    private final X11.Window root;
    private final String name;

    private XConnection(X11.Display display, String name) {
        this.display = display;
        this.name = name;
        this.root = X.XDefaultRootWindow(display);
    }

    /**
     * Opens a connection to the display (for example {@code ":0"}).
     *
     * @throws SynclineException {@code CONFIG} when libX11 is missing or the display does not answer
     */
    public static XConnection open(String displayName) {
        installErrorHandler();
        X11.Display display = X.XOpenDisplay(displayName);
        if (display == null) {
            throw new SynclineException(ErrorCode.CONFIG, "The X display " + displayName
                    + " does not accept a connection (is DISPLAY right, and is this user allowed by xauth?).");
        }
        return new XConnection(display, displayName);
    }

    private static synchronized void installErrorHandler() {
        if (handlerInstalled) {
            return;
        }
        try {
            X.XSetErrorHandler(RECORDING_HANDLER);
            xlib = Native.load("X11", Xlib.class);
        } catch (UnsatisfiedLinkError e) {
            throw new SynclineException(ErrorCode.CONFIG, "libX11 is not installed, so windows cannot be shared.", e);
        }
        handlerInstalled = true;
    }

    static Xlib xlib() {
        return xlib;
    }

    /**
     * Loads an X extension library, or returns null when it is not installed (callers say what that means for the
     * user).
     */
    static <T extends com.sun.jna.Library> T loadExtension(String library, Class<T> type) {
        try {
            return Native.load(library, type);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    public X11.Display display() {
        return display;
    }

    public X11.Window root() {
        return root;
    }

    public String name() {
        return name;
    }

    /** Waits until the server has handled every request sent so far (errors are recorded by then). */
    public void sync() {
        X.XSync(display, false);
    }

    /** The X error code recorded since the previous call (0 for none), after a round trip. */
    public int takeError() {
        sync();
        Integer code = LAST_ERRORS.remove(display.getPointer());
        return code == null ? 0 : code;
    }

    /** Drops events this connection received and does not use (damage notifications, for one). */
    void discardEvents() {
        X11.XEvent event = null;
        while (X.XPending(display) > 0) {
            if (event == null) {
                event = new X11.XEvent();
            }
            X.XNextEvent(display, event);
        }
    }

    /**
     * Copies a {@code width x height} rectangle of a drawable into {@code target} (row after row, {@code width}
     * pixels a row), as opaque ARGB.
     *
     * @return false when the server refused (the drawable is gone or the rectangle lies outside it)
     */
    boolean readPixels(X11.Drawable drawable, int x, int y, int width, int height, int[] target) {
        Pointer image = xlib.XGetImage(display, drawable, x, y, width, height, ALL_PLANES, Xlib.ZPixmap);
        if (image == null) {
            takeError();
            return false;
        }
        try {
            XImageHeader header = new XImageHeader(image);
            if (header.bits_per_pixel != 32) {
                throw new SynclineException(ErrorCode.CONFIG, "The X display " + name + " uses " + header.bits_per_pixel
                        + " bits a pixel; window sharing needs a 24- or 32-bit TrueColor display.");
            }
            toArgb(header.data, header.bytes_per_line, swapsBytes(header.byte_order), width, height, target);
        } finally {
            xlib.XDestroyImage(image);
        }
        return true;
    }

    /** Whether pixels of an image with this X byte order (0 LSBFirst) must be byte-swapped for Java ints. */
    static boolean swapsBytes(int byteOrder) {
        return (byteOrder == 0) != (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    }

    /** Copies 32-bit pixels, {@code bytesPerLine} a row, into {@code target} ({@code width} a row) as opaque ARGB. */
    static void toArgb(Pointer data, int bytesPerLine, boolean swap, int width, int height, int[] target) {
        if (bytesPerLine == width * 4) {
            data.read(0, target, 0, width * height);
        } else {
            for (int row = 0; row < height; row++) {
                data.read((long) row * bytesPerLine, target, row * width, width);
            }
        }
        int end = width * height;
        if (swap) {
            for (int i = 0; i < end; i++) {
                target[i] = 0xff000000 | Integer.reverseBytes(target[i]);
            }
        } else {
            for (int i = 0; i < end; i++) {
                target[i] |= 0xff000000;
            }
        }
    }

    /** Gives the window the keyboard focus (it returns to the parent when the window goes away). */
    public void focus(long window) {
        xlib.XSetInputFocus(display, new X11.Window(window), Xlib.RevertToParent, new NativeLong(Xlib.CurrentTime));
    }

    /**
     * The bits of an XID that number a resource within its client (the rest name the client), or 0 when the
     * value Xlib holds does not look like such a mask.
     */
    long resourceMask() {
        long mask = new XDisplayHead(display.getPointer()).private4.longValue();
        boolean contiguousLowBits = mask > 0 && (mask & (mask + 1)) == 0;
        return contiguousLowBits && mask >= 0xffffL && mask <= 0x1fffffffL ? mask : 0;
    }

    /** The window's children, bottom of the stacking order first (empty when it is gone). */
    List<X11.Window> children(X11.Window parent) {
        X11.WindowByReference rootReturn = new X11.WindowByReference();
        X11.WindowByReference parentReturn = new X11.WindowByReference();
        PointerByReference list = new PointerByReference();
        IntByReference count = new IntByReference();
        List<X11.Window> result = new ArrayList<>();
        if (X.XQueryTree(display, parent, rootReturn, parentReturn, list, count) == 0) {
            takeError();
            return result;
        }
        Pointer array = list.getValue();
        if (array != null) {
            for (int i = 0; i < count.getValue(); i++) {
                result.add(new X11.Window(array.getNativeLong((long) i * Native.LONG_SIZE).longValue()));
            }
            X.XFree(array);
        }
        return result;
    }

    /** The window's parent (0 when it is gone or is the root). */
    long parentOf(long window) {
        X11.WindowByReference rootReturn = new X11.WindowByReference();
        X11.WindowByReference parentReturn = new X11.WindowByReference();
        PointerByReference children = new PointerByReference();
        IntByReference count = new IntByReference();
        if (X.XQueryTree(display, new X11.Window(window), rootReturn, parentReturn, children, count) == 0) {
            takeError();
            return 0;
        }
        if (children.getValue() != null) {
            X.XFree(children.getValue());
        }
        X11.Window parent = parentReturn.getValue();
        return parent == null ? 0 : parent.longValue();
    }

    /**
     * The child of the root window that holds the window: the window itself without a window manager, its frame
     * under a reparenting one.
     */
    long topLevelOf(long window) {
        long current = window;
        long parent = parentOf(current);
        while (parent != 0 && parent != root.longValue()) {
            current = parent;
            parent = parentOf(current);
        }
        return current;
    }

    /** Where the window's inside (within its border) is on the screen, {x, y}; null when it is gone. */
    int[] screenOrigin(X11.Window window) {
        IntByReference rootX = new IntByReference();
        IntByReference rootY = new IntByReference();
        if (!X.XTranslateCoordinates(display, window, root, 0, 0, rootX, rootY, new X11.WindowByReference())
                || takeError() != 0) {
            return null;
        }
        return new int[] { rootX.getValue(), rootY.getValue() };
    }

    /** True when the server offers the named extension. */
    boolean hasExtension(String extension) {
        return X.XQueryExtension(display, extension, new IntByReference(), new IntByReference(), new IntByReference());
    }

    @Override
    public void close() {
        LAST_ERRORS.remove(display.getPointer());
        X.XCloseDisplay(display);
    }
}
