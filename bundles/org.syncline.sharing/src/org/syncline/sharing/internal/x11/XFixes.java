package org.syncline.sharing.internal.x11;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/** libXfixes: server-side regions, how DAMAGE hands over its rectangles. */
interface XFixes extends Library {

    boolean XFixesQueryExtension(X11.Display display, IntByReference eventBase, IntByReference errorBase);

    int XFixesQueryVersion(X11.Display display, IntByReference major, IntByReference minor);

    NativeLong XFixesCreateRegion(X11.Display display, Pointer rectangles, int count);

    void XFixesDestroyRegion(X11.Display display, NativeLong region);

    /** Returns an array of {@code count} XRectangle (short x, y; unsigned short width, height) to XFree. */
    Pointer XFixesFetchRegion(X11.Display display, NativeLong region, IntByReference count);
}
