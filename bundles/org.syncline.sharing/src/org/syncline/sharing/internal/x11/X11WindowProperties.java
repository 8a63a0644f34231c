package org.syncline.sharing.internal.x11;

import java.nio.charset.StandardCharsets;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

/** Reads the properties a window chooser shows: title, application class and process id. */
final class X11WindowProperties {

    private static final int MAX_LONGS = 1024;
    private static final X11.Atom ANY_TYPE = new X11.Atom(X11.AnyPropertyType);
    private final XConnection x;
    private final X11.Atom netWmName;
    private final X11.Atom wmName;
    private final X11.Atom wmClass;
    private final X11.Atom netWmPid;

    X11WindowProperties(XConnection x) {
        this.x = x;
        this.netWmName = XConnection.X.XInternAtom(x.display(), "_NET_WM_NAME", false);
        this.wmName = XConnection.X.XInternAtom(x.display(), "WM_NAME", false);
        this.wmClass = XConnection.X.XInternAtom(x.display(), "WM_CLASS", false);
        this.netWmPid = XConnection.X.XInternAtom(x.display(), "_NET_WM_PID", false);
    }

    /** The title ("" when the window has none): _NET_WM_NAME (UTF-8) first, then WM_NAME. */
    String title(X11.Window window) {
        byte[] utf8 = bytes(window, netWmName);
        if (utf8 != null && utf8.length > 0) {
            return new String(utf8, StandardCharsets.UTF_8);
        }
        byte[] legacy = bytes(window, wmName);
        return legacy == null ? "" : new String(legacy, StandardCharsets.ISO_8859_1);
    }

    /** WM_CLASS's class part (the application), "" when unset. */
    String application(X11.Window window) {
        byte[] value = bytes(window, wmClass);
        if (value == null) {
            return "";
        }
        String[] parts = new String(value, StandardCharsets.ISO_8859_1).split("\0");
        return parts.length > 1 ? parts[1] : parts.length == 1 ? parts[0] : "";
    }

    /** _NET_WM_PID, or -1. */
    long pid(X11.Window window) {
        Property p = read(window, netWmPid);
        if (p == null) {
            return -1;
        }
        try {
            return p.format == 32 && p.items > 0 ? p.data.getNativeLong(0).longValue() & 0xffffffffL : -1;
        } finally {
            XConnection.X.XFree(p.data);
        }
    }

    /** True when the window carries a title or a class, i.e. an application put it there (not a frame). */
    boolean describesApplication(X11.Window window) {
        byte[] cls = bytes(window, wmClass);
        return cls != null || bytes(window, wmName) != null;
    }

    private byte[] bytes(X11.Window window, X11.Atom atom) {
        Property p = read(window, atom);
        if (p == null) {
            return null;
        }
        try {
            return p.format == 8 ? p.data.getByteArray(0, (int) p.items) : null;
        } finally {
            XConnection.X.XFree(p.data);
        }
    }

    private record Property(int format, long items, Pointer data) {
    }

    private Property read(X11.Window window, X11.Atom atom) {
        X11.AtomByReference type = new X11.AtomByReference();
        IntByReference format = new IntByReference();
        NativeLongByReference items = new NativeLongByReference();
        NativeLongByReference after = new NativeLongByReference();
        PointerByReference data = new PointerByReference();
        int status = XConnection.X.XGetWindowProperty(x.display(), window, atom, new NativeLong(0),
                new NativeLong(MAX_LONGS), false, ANY_TYPE, type, format, items, after, data);
        if (status != 0 || data.getValue() == null) {
            x.takeError();
            return null;
        }
        if (format.getValue() == 0) {
            XConnection.X.XFree(data.getValue());
            return null;
        }
        return new Property(format.getValue(), items.getValue().longValue(), data.getValue());
    }
}
