package org.syncline.sharing.internal.x11;

import com.sun.jna.Library;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/** libXcomposite: a window's own pixels in an off-screen pixmap, whatever covers it on the screen. */
interface XComposite extends Library {

    int CompositeRedirectAutomatic = 0;

    boolean XCompositeQueryExtension(X11.Display display, IntByReference eventBase, IntByReference errorBase);

    int XCompositeQueryVersion(X11.Display display, IntByReference major, IntByReference minor);

    void XCompositeRedirectWindow(X11.Display display, X11.Window window, int update);

    void XCompositeUnredirectWindow(X11.Display display, X11.Window window, int update);

    X11.Pixmap XCompositeNameWindowPixmap(X11.Display display, X11.Window window);
}
