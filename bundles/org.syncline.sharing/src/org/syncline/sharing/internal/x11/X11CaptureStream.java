package org.syncline.sharing.internal.x11;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sharing.capture.CaptureStream;
import org.syncline.sharing.capture.CapturedFrame;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/**
 * One window's (or the root window's) pixels. A window is redirected with Composite, so its pixmap holds its own
 * pixels even where other windows cover it; the pixmap is named again after every resize. DAMAGE, where present,
 * says what changed; the damage is taken before the pixels are read, so a change between the two shows up again
 * in the next read rather than being lost.
 */
final class X11CaptureStream implements CaptureStream {

    private static final NativeLong NONE = new NativeLong(0);

    private final X11WindowCapture owner;
    private final XConnection x;
    private final X11.Window window;
    private final boolean screen;
    private final CapturedFrame frame = new CapturedFrame();
    private final IntByReference rectangleCount = new IntByReference();
    private NativeLong damageHandle;
    private NativeLong region;
    private X11.Pixmap pixmap;
    private int width;
    private int height;
    private boolean wholeFrameDirty = true;
    private boolean closed;

    X11CaptureStream(X11WindowCapture owner, X11.Window window, boolean screen) {
        this.owner = owner;
        this.x = owner.connection();
        this.window = window;
        this.screen = screen;
        synchronized (owner) {
            if (!screen) {
                owner.composite().XCompositeRedirectWindow(x.display(), window, XComposite.CompositeRedirectAutomatic);
            }
            if (owner.damage() != null) {
                damageHandle = owner.damage().XDamageCreate(x.display(), window, XDamage.XDamageReportNonEmpty);
                region = owner.fixes().XFixesCreateRegion(x.display(), Pointer.NULL, 0);
            }
            if (x.takeError() != 0) {
                releaseNative();
                throw new SynclineException(ErrorCode.NOT_FOUND, "Window 0x" + Long.toHexString(window.longValue())
                        + " went away before its capture started.");
            }
        }
    }

    @Override
    public boolean tracksDamage() {
        return damageHandle != null;
    }

    @Override
    public CapturedFrame read() {
        synchronized (owner) {
            if (closed) {
                throw new IllegalStateException("the capture is closed");
            }
            X11.XWindowAttributes attributes = owner.attributes(window);
            if (attributes == null) {
                throw new SynclineException(ErrorCode.NOT_FOUND, "The shared window 0x"
                        + Long.toHexString(window.longValue()) + " is gone.");
            }
            if (!screen && attributes.map_state != X11.IsViewable) {
                // Minimised or hidden: nothing new to show; keep the last picture.
                freePixmap();
                if (frame.width() == 0) {
                    throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The shared window is not shown on the screen.");
                }
                frame.reset(frame.width(), frame.height(), System.currentTimeMillis(), true);
                return frame;
            }
            if (attributes.width != width || attributes.height != height || (!screen && pixmap == null)) {
                width = attributes.width;
                height = attributes.height;
                wholeFrameDirty = true;
                freePixmap();
                if (!screen) {
                    pixmap = owner.composite().XCompositeNameWindowPixmap(x.display(), window);
                }
            }
            boolean damageKnown = damageHandle != null && !wholeFrameDirty;
            int[] pixels = frame.reset(width, height, System.currentTimeMillis(), damageKnown || wholeFrameDirty);
            collectDamage(damageKnown);
            X11.Drawable source = screen ? window : pixmap;
            int border = screen ? 0 : attributes.border_width;
            if (!x.readPixels(source, border, border, width, height, pixels)) {
                throw new SynclineException(ErrorCode.NOT_FOUND, "The shared window 0x"
                        + Long.toHexString(window.longValue()) + " could not be read (it is gone or changing size).");
            }
            if (wholeFrameDirty) {
                frame.addDirty(0, 0, width, height);
                wholeFrameDirty = false;
            }
            return frame;
        }
    }

    /** Moves the damage accumulated since the last read into the frame (or just clears it after a full read). */
    private void collectDamage(boolean report) {
        if (damageHandle == null) {
            return;
        }
        owner.damage().XDamageSubtract(x.display(), damageHandle, NONE, region);
        if (report) {
            Pointer rectangles = owner.fixes().XFixesFetchRegion(x.display(), region, rectangleCount);
            if (rectangles != null) {
                for (int i = 0; i < rectangleCount.getValue(); i++) {
                    long at = i * 8L;
                    frame.addDirty(rectangles.getShort(at), rectangles.getShort(at + 2),
                            rectangles.getShort(at + 4) & 0xffff, rectangles.getShort(at + 6) & 0xffff);
                }
                XConnection.X.XFree(rectangles);
            }
        }
        x.discardEvents();
    }

    private void freePixmap() {
        if (pixmap != null) {
            XConnection.X.XFreePixmap(x.display(), pixmap);
            pixmap = null;
        }
    }

    private void releaseNative() {
        freePixmap();
        if (damageHandle != null) {
            owner.damage().XDamageDestroy(x.display(), damageHandle);
            owner.fixes().XFixesDestroyRegion(x.display(), region);
            damageHandle = null;
        }
        if (!screen) {
            owner.composite().XCompositeUnredirectWindow(x.display(), window, XComposite.CompositeRedirectAutomatic);
        }
        x.takeError();
        x.discardEvents();
    }

    @Override
    public void close() {
        synchronized (owner) {
            if (!closed) {
                closed = true;
                releaseNative();
            }
        }
    }
}
