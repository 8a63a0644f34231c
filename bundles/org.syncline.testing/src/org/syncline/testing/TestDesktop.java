package org.syncline.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * Real X windows for tests, made by a client connection of their own (as another application's would be): solid
 * backgrounds the server paints itself, child windows for a pattern, moves, resizes, and a record of the button
 * presses a window received. Windows are destroyed on {@link #close()}. Used by the window sharing engine's tests
 * and the end-to-end sharing tests. It installs no X error handler of its own (the sharing engine installs a
 * recording one on its first connection, process-wide), so it is meant for well-formed requests only.
 */
public final class TestDesktop implements AutoCloseable {

    private static final X11 X = X11.INSTANCE;
    /**
     * One connection for every test in this JVM, never closed: Xvfb resets when its last client leaves and refuses
     * connections while it does, which would make the next test's connection fail now and then.
     */
    private static X11.Display shared;
    private final boolean ownConnection;
    private final X11.Display display;
    private final List<X11.Window> created = new ArrayList<>();

    private final X11.Window root;

    private TestDesktop(X11.Display display, boolean ownConnection) {
        this.ownConnection = ownConnection;
        this.display = display;
        this.root = X.XDefaultRootWindow(display);
    }

    private static X11.Display connect() {
        String name = System.getenv("DISPLAY");
        if (name == null) {
            throw new IllegalStateException("these tests need an X display: run them under xvfb-run (./syncline test does)");
        }
        return connect(name);
    }

    private static X11.Display connect(String name) {
        X11.Display display = X.XOpenDisplay(name);
        if (display == null) {
            throw new IllegalStateException("the X display " + name + " does not accept a connection");
        }
        return display;
    }

    /** Connects to the test display (tests run under Xvfb, which sets DISPLAY). */
    public static TestDesktop open() {
        synchronized (TestDesktop.class) {
            if (shared == null) {
                shared = connect();
            }
            return new TestDesktop(shared, false);
        }
    }

    /** Another application: a client connection of its own, whose windows have another client's XIDs. */
    public static TestDesktop openOtherApplication() {
        open().close();
        return new TestDesktop(connect(), true);
    }

    /**
     * An application on another display (a test's private Xvfb): a client connection of its own, closed with
     * {@link #close()}.
     */
    public static TestDesktop openOn(String displayName) {
        return new TestDesktop(connect(displayName), true);
    }

    /**
     * The child of the root window that holds the window: the window itself without a window manager, its frame
     * under a reparenting one (0 when the window is gone).
     */
    public long topLevel(long window) {
        long current = window;
        while (true) {
            X11.WindowByReference rootReturn = new X11.WindowByReference();
            X11.WindowByReference parentReturn = new X11.WindowByReference();
            PointerByReference children = new PointerByReference();
            if (X.XQueryTree(display, new X11.Window(current), rootReturn, parentReturn, children, new IntByReference()) == 0) {
                return 0;
            }
            if (children.getValue() != null) {
                X.XFree(children.getValue());
            }
            long parent = parentReturn.getValue() == null ? 0 : parentReturn.getValue().longValue();
            if (parent == 0 || parent == root.longValue()) {
                return current;
            }
            current = parent;
        }
    }

    /** The root window's children, bottom of the stacking order first. */
    public List<Long> stacking() {
        X11.WindowByReference rootReturn = new X11.WindowByReference();
        X11.WindowByReference parentReturn = new X11.WindowByReference();
        PointerByReference children = new PointerByReference();
        IntByReference count = new IntByReference();
        List<Long> order = new ArrayList<>();
        if (X.XQueryTree(display, root, rootReturn, parentReturn, children, count) != 0 && children.getValue() != null) {
            for (int i = 0; i < count.getValue(); i++) {
                order.add(children.getValue().getNativeLong((long) i * com.sun.jna.Native.LONG_SIZE).longValue());
            }
            X.XFree(children.getValue());
        }
        return order;
    }

    /** Where the window's inside is on the screen, {x, y} (a window manager may have placed or framed it). */
    public int[] screenOrigin(long window) {
        IntByReference x = new IntByReference();
        IntByReference y = new IntByReference();
        X.XTranslateCoordinates(display, new X11.Window(window), root, 0, 0, x, y, new X11.WindowByReference());
        return new int[] { x.getValue(), y.getValue() };
    }

    /** A popup menu: a mapped override-redirect top-level window (no window manager would frame it). */
    public long popup(int x, int y, int width, int height, int rgb) {
        X11.Window window = X.XCreateSimpleWindow(display, root, x, y, width, height, 0, 0, rgb);
        created.add(window);
        // JNA writes a Java true as -1, which the server refuses for a Bool (BadValue): write 1 by hand.
        OverrideRedirect attributes = new OverrideRedirect();
        X.XChangeWindowAttributes(display, window, new NativeLong(X11.CWOverrideRedirect), attributes);
        X.XMapRaised(display, window);
        sync();
        return window.longValue();
    }

    /** The one Xlib call JNA's X11 binding lacks. */
    private interface Focus extends com.sun.jna.Library {
        Focus LIB = com.sun.jna.Native.load("X11", Focus.class);
        int REVERT_TO_PARENT = 2;
        long CURRENT_TIME = 0;

        int XSetInputFocus(X11.Display display, X11.Window focus, int revertTo, NativeLong time);
    }

    private static final class OverrideRedirect extends X11.XSetWindowAttributes {
        OverrideRedirect() {
            setAutoWrite(false);
            write();
            getPointer().setInt(fieldOffset("override_redirect"), 1);
        }
    }

    /** Destroys a top-level window this desktop created, as its application closing it would (once; later calls do nothing). */
    public void destroy(long window) {
        if (created.removeIf(w -> w.longValue() == window)) {
            X.XDestroyWindow(display, new X11.Window(window));
            sync();
        }
    }

    public void unmap(long window) {
        X.XUnmapWindow(display, new X11.Window(window));
        sync();
    }

    /** A mapped top-level window with a solid background colour (0xRRGGBB), no border. */
    public long window(int x, int y, int width, int height, int rgb, String title) {
        X11.Window window = X.XCreateSimpleWindow(display, root, x, y, width, height, 0, 0, rgb);
        created.add(window);
        byte[] name = title.getBytes(StandardCharsets.UTF_8);
        property(window, "_NET_WM_NAME", "UTF8_STRING", name);
        property(window, "WM_CLASS", "STRING", ("syncline-test\0SynclineTest\0").getBytes(StandardCharsets.ISO_8859_1));
        X.XMapRaised(display, window);
        sync();
        return window.longValue();
    }

    /** A mapped child window with a solid background, drawn by the server as part of the parent's picture. */
    public long child(long parent, int x, int y, int width, int height, int rgb) {
        X11.Window window = X.XCreateSimpleWindow(display, new X11.Window(parent), x, y, width, height, 0, 0, rgb);
        X.XMapWindow(display, window);
        sync();
        return window.longValue();
    }

    private void property(X11.Window window, String name, String type, byte[] value) {
        Memory memory = new Memory(Math.max(1, value.length));
        memory.write(0, value, 0, value.length);
        X.XChangeProperty(display, window, X.XInternAtom(display, name, false), X.XInternAtom(display, type, false), 8,
                X11.PropModeReplace, memory, value.length);
    }

    public void move(long window, int x, int y) {
        X.XMoveWindow(display, new X11.Window(window), x, y);
        sync();
    }

    public void resize(long window, int width, int height) {
        X.XResizeWindow(display, new X11.Window(window), width, height);
        sync();
    }

    public void raise(long window) {
        X.XRaiseWindow(display, new X11.Window(window));
        sync();
    }

    /** Gives the window the keyboard focus, as a window manager would on a click. */
    public void focus(long window) {
        Focus.LIB.XSetInputFocus(display, new X11.Window(window), Focus.REVERT_TO_PARENT, new NativeLong(Focus.CURRENT_TIME));
        sync();
    }

    /** Draws a filled rectangle into the window, as an application repainting part of itself would. */
    public void fill(long window, int x, int y, int width, int height, int rgb) {
        X11.Window w = new X11.Window(window);
        X11.GC gc = X.XCreateGC(display, w, new NativeLong(0), null);
        X.XSetForeground(display, gc, new NativeLong(rgb));
        X.XFillRectangle(display, w, gc, x, y, width, height);
        X.XFreeGC(display, gc);
        sync();
    }

    /** Starts recording button presses on the window (and on its children, which do not select them). */
    public void recordButtons(long window) {
        X.XSelectInput(display, new X11.Window(window), new NativeLong(X11.ButtonPressMask));
        sync();
    }

    /** The button presses received so far, each {x, y, button} in the window's coordinates; clears the record. */
    public List<int[]> buttonPresses() {
        sync();
        List<int[]> presses = new ArrayList<>();
        X11.XEvent event = new X11.XEvent();
        while (X.XPending(display) > 0) {
            X.XNextEvent(display, event);
            if (event.type == X11.ButtonPress) {
                X11.XButtonEvent button = (X11.XButtonEvent) event.readField("xbutton");
                presses.add(new int[] { button.x, button.y, button.button });
            }
        }
        return presses;
    }

    public void sync() {
        X.XSync(display, false);
    }

    @Override
    public void close() {
        for (X11.Window window : created) {
            X.XDestroyWindow(display, window);
        }
        buttonPresses();
        if (ownConnection) {
            X.XCloseDisplay(display);
        }
    }
}
