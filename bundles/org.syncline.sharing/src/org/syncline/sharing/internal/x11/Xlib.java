package org.syncline.sharing.internal.x11;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/** The Xlib calls jna-platform's {@link X11} binding lacks. */
interface Xlib extends Library {

    int ZPixmap = 2;
    int RevertToParent = 2;
    int CurrentTime = 0;

    /** Returns an {@code XImage*} (read it with {@link XImageHeader}), or null on error. */
    Pointer XGetImage(X11.Display display, X11.Drawable drawable, int x, int y, int width, int height,
            NativeLong planeMask, int format);

    int XDestroyImage(Pointer image);

    int XSetInputFocus(X11.Display display, X11.Window focus, int revertTo, NativeLong time);

    int XGetInputFocus(X11.Display display, X11.WindowByReference focus, IntByReference revertTo);
}
