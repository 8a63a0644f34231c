package org.syncline.sharing.internal.x11;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.unix.X11;

/** libXext's MIT-SHM calls: the X server writes a drawable's pixels into memory this process shares with it. */
interface XShm extends Library {

    boolean XShmQueryExtension(X11.Display display);

    /** Returns an {@code XImage*} whose data the caller points at the shared segment, or null. */
    Pointer XShmCreateImage(X11.Display display, X11.Visual visual, int depth, int format, Pointer data,
            SegmentInfo info, int width, int height);

    boolean XShmAttach(X11.Display display, SegmentInfo info);

    boolean XShmDetach(X11.Display display, SegmentInfo info);

    boolean XShmGetImage(X11.Display display, X11.Drawable drawable, Pointer image, int x, int y, NativeLong planeMask);

    /** XShmSegmentInfo. */
    @Structure.FieldOrder({ "shmseg", "shmid", "shmaddr", "readOnly" })
    class SegmentInfo extends Structure {
        public NativeLong shmseg;
        public int shmid;
        public Pointer shmaddr;
        public int readOnly;
    }
}
