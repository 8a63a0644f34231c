package org.syncline.sharing.internal.x11;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sharing.capture.CaptureStream;
import org.syncline.sharing.capture.Region;
import org.syncline.sharing.capture.Thumbnail;
import org.syncline.sharing.capture.WindowCapture;
import org.syncline.sharing.capture.WindowInfo;

import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/**
 * {@link WindowCapture} for X11: lists the root window's mapped children, captures one window through Composite
 * redirection (its own pixels, whatever covers it) with DAMAGE for dirty rectangles, or the root window for the
 * whole screen. Under a reparenting window manager the root's children are the manager's frames: the list names
 * the application's window inside each frame (its id, its bounds on the screen), so a share captures the
 * application's pixels without the frame's title bar and borders.
 */
public final class X11WindowCapture implements WindowCapture {

    private final XConnection x;
    private final X11WindowProperties properties;
    private final XComposite composite;
    private final XDamage damage;
    private final XFixes fixes;
    private final Map<Long, Integer> redirections = new HashMap<>();

    private X11WindowCapture(XConnection x) {
        this.x = x;
        this.properties = new X11WindowProperties(x);
        this.composite = x.hasExtension("Composite") ? negotiateComposite(x) : null;
        XDamage d = x.hasExtension("DAMAGE") ? XConnection.loadExtension("Xdamage", XDamage.class) : null;
        XFixes f = x.hasExtension("XFIXES") ? XConnection.loadExtension("Xfixes", XFixes.class) : null;
        if (d != null && f != null) {
            IntByReference major = new IntByReference(5);
            IntByReference minor = new IntByReference(0);
            f.XFixesQueryExtension(x.display(), new IntByReference(), new IntByReference());
            f.XFixesQueryVersion(x.display(), major, minor);
            d.XDamageQueryExtension(x.display(), new IntByReference(), new IntByReference());
            d.XDamageQueryVersion(x.display(), new IntByReference(1), new IntByReference(1));
            this.damage = d;
            this.fixes = f;
        } else {
            this.damage = null;
            this.fixes = null;
        }
    }

    private static XComposite negotiateComposite(XConnection x) {
        XComposite c = XConnection.loadExtension("Xcomposite", XComposite.class);
        if (c == null) {
            return null;
        }
        c.XCompositeQueryExtension(x.display(), new IntByReference(), new IntByReference());
        IntByReference major = new IntByReference(0);
        IntByReference minor = new IntByReference(4);
        c.XCompositeQueryVersion(x.display(), major, minor);
        return major.getValue() > 0 || minor.getValue() >= 2 ? c : null;
    }

    /** Connects to the X display named (for example {@code ":0"}). */
    public static X11WindowCapture connect(String displayName) {
        return new X11WindowCapture(XConnection.open(displayName));
    }

    @Override
    public synchronized List<WindowInfo> listWindows(int thumbnailSide) {
        if (thumbnailSide < 1) {
            throw new IllegalArgumentException("thumbnail side " + thumbnailSide + " is below 1");
        }
        List<WindowInfo> windows = new ArrayList<>();
        for (X11.Window top : x.children(x.root())) {
            X11.XWindowAttributes attributes = attributes(top);
            if (attributes == null || attributes.map_state != X11.IsViewable || attributes.override_redirect
                    || attributes.c_class != X11.InputOutput || attributes.width < 2 || attributes.height < 2) {
                continue;
            }
            X11.Window client = clientOf(top, 3);
            X11.XWindowAttributes shown = attributes;
            if (client == null) {
                client = top;
            } else if (client.longValue() != top.longValue()) {
                // framed by a window manager: the application's own window, where it is on the screen
                shown = attributes(client);
                int[] origin = x.screenOrigin(client);
                if (shown == null || origin == null || shown.map_state != X11.IsViewable) {
                    continue;
                }
                shown.x = origin[0] - shown.border_width;
                shown.y = origin[1] - shown.border_width;
            }
            Region bounds = new Region(shown.x, shown.y, shown.width, shown.height);
            windows.add(new WindowInfo(client.longValue(), properties.title(client), properties.application(client),
                    properties.pid(client), bounds, thumbnail(client, shown, thumbnailSide)));
        }
        return windows;
    }

    /** The window an application created inside a window manager's frame (the first one with a name or class). */
    X11.Window clientOf(X11.Window window, int depth) {
        if (properties.describesApplication(window)) {
            return window;
        }
        if (depth == 0) {
            return null;
        }
        for (X11.Window child : x.children(window)) {
            X11.Window client = clientOf(child, depth - 1);
            if (client != null) {
                return client;
            }
        }
        return null;
    }

    private Optional<Thumbnail> thumbnail(X11.Window window, X11.XWindowAttributes attributes, int side) {
        if (composite == null) {
            return Optional.empty();
        }
        int width = attributes.width;
        int height = attributes.height;
        int border = attributes.border_width;
        redirect(window);
        X11.Pixmap pixmap = composite.XCompositeNameWindowPixmap(x.display(), window);
        try {
            if (x.takeError() != 0) {
                return Optional.empty();
            }
            int[] pixels = new int[width * height];
            if (!x.readPixels(pixmap, border, border, width, height, pixels)) {
                return Optional.empty();
            }
            return Optional.of(scaled(pixels, width, height, side));
        } finally {
            XConnection.X.XFreePixmap(x.display(), pixmap);
            unredirect(window);
            x.takeError();
        }
    }

    /** Nearest-neighbour scaling that keeps the aspect ratio, longer side {@code side}. */
    static Thumbnail scaled(int[] pixels, int width, int height, int side) {
        double factor = Math.min(1.0, (double) side / Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * factor));
        int h = Math.max(1, (int) Math.round(height * factor));
        int[] out = new int[w * h];
        for (int ty = 0; ty < h; ty++) {
            int sy = Math.min(height - 1, (int) (ty / factor));
            for (int tx = 0; tx < w; tx++) {
                out[ty * w + tx] = pixels[sy * width + Math.min(width - 1, (int) (tx / factor))];
            }
        }
        return new Thumbnail(w, h, out);
    }

    @Override
    public synchronized CaptureStream openWindow(long windowId) {
        X11.Window window = new X11.Window(windowId);
        X11.XWindowAttributes attributes = attributes(window);
        if (attributes == null) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "There is no window 0x" + Long.toHexString(windowId)
                    + " on display " + x.name() + ".");
        }
        if (attributes.map_state != X11.IsViewable) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Window 0x" + Long.toHexString(windowId)
                    + " is not shown on the screen, so there is nothing to share.");
        }
        if (composite == null) {
            throw new SynclineException(ErrorCode.CONFIG, "The X display " + x.name()
                    + " lacks the Composite extension (or libXcomposite is missing), so one window cannot be captured"
                    + " without the windows covering it; share the whole screen instead.");
        }
        return new X11CaptureStream(this, window, false);
    }

    @Override
    public synchronized CaptureStream openScreen() {
        return new X11CaptureStream(this, x.root(), true);
    }

    /**
     * The popup menus (override-redirect windows) of the application that owns {@code shared} that are stacked
     * above it (above its window manager's frame, where it has one), bottom first: windows the same X client created, recognised by the client bits of their XIDs. Windows of
     * any other client are never included.
     */
    List<X11.Window> popupsAbove(X11.Window shared, long owner, long mask) {
        List<X11.Window> popups = new ArrayList<>();
        long top = x.topLevelOf(shared.longValue());
        boolean above = false;
        for (X11.Window child : x.children(x.root())) {
            if (child.longValue() == top) {
                above = true;
            } else if (above && (child.longValue() & ~mask) == owner) {
                X11.XWindowAttributes attributes = attributes(child);
                if (attributes != null && attributes.override_redirect && attributes.map_state == X11.IsViewable
                        && attributes.c_class == X11.InputOutput) {
                    popups.add(child);
                }
            }
        }
        return popups;
    }

    /**
     * Redirects a window into off-screen storage for this connection. The server allows one redirection per
     * client and window, so streams, popups and thumbnails share it by count, and the last one to let go ends it.
     */
    void redirect(X11.Window window) {
        if (redirections.merge(window.longValue(), 1, Integer::sum) == 1) {
            composite.XCompositeRedirectWindow(x.display(), window, XComposite.CompositeRedirectAutomatic);
        }
    }

    void unredirect(X11.Window window) {
        Integer left = redirections.computeIfPresent(window.longValue(), (id, count) -> count == 1 ? null : count - 1);
        if (left == null) {
            composite.XCompositeUnredirectWindow(x.display(), window, XComposite.CompositeRedirectAutomatic);
        }
    }

    XConnection connection() {
        return x;
    }

    XComposite composite() {
        return composite;
    }

    XDamage damage() {
        return damage;
    }

    XFixes fixes() {
        return fixes;
    }

    X11.XWindowAttributes attributes(X11.Window window) {
        X11.XWindowAttributes attributes = new X11.XWindowAttributes();
        int status = XConnection.X.XGetWindowAttributes(x.display(), window, attributes);
        if (status == 0 || x.takeError() != 0) {
            return null;
        }
        return attributes;
    }

    @Override
    public synchronized void close() {
        x.close();
    }
}
