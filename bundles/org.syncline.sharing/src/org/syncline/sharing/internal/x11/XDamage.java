package org.syncline.sharing.internal.x11;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/** libXdamage: which parts of a drawable changed. */
interface XDamage extends Library {

    int XDamageReportNonEmpty = 3;

    boolean XDamageQueryExtension(X11.Display display, IntByReference eventBase, IntByReference errorBase);

    int XDamageQueryVersion(X11.Display display, IntByReference major, IntByReference minor);

    NativeLong XDamageCreate(X11.Display display, X11.Drawable drawable, int level);

    void XDamageDestroy(X11.Display display, NativeLong damage);

    /** Moves the accumulated damage into {@code parts} (a region) and clears it ({@code repair} None). */
    void XDamageSubtract(X11.Display display, NativeLong damage, NativeLong repair, NativeLong parts);
}
