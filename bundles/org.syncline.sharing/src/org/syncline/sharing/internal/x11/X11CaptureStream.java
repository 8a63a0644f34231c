package org.syncline.sharing.internal.x11;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sharing.capture.CaptureStream;
import org.syncline.sharing.capture.CapturedFrame;
import org.syncline.sharing.capture.Region;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/**
 * One window's (or the root window's) pixels. A window is redirected with Composite, so its pixmap holds its own
 * pixels even where other windows cover it; the pixmap is named again after every resize. DAMAGE, where present,
 * says what changed; the damage is taken before the pixels are read, so a change between the two shows up again
 * in the next read rather than being lost.
 * <p>
 * Popup menus of the shared application (override-redirect windows the same X client created, stacked above the
 * window) are composited into the frame where they overlap it, read from their own Composite pixmaps; windows of
 * any other client are never read.
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
    /** The frame's pixels by MIT-SHM, for the current size; null before the first read or where XGetImage is used. */
    private SharedImage shared;
    private boolean sharedRefused;
    private int width;
    private int height;
    private boolean wholeFrameDirty = true;
    private boolean closed;
    private final long popupMask;
    private final long popupOwner;
    private final Set<Long> redirectedPopups = new HashSet<>();
    private final List<Region> lastPopupAreas = new ArrayList<>();
    private int[] popupPixels = new int[0];

    X11CaptureStream(X11WindowCapture owner, X11.Window window, boolean screen) {
        this.owner = owner;
        this.x = owner.connection();
        this.window = window;
        this.screen = screen;
        synchronized (owner) {
            long mask = screen ? 0 : x.resourceMask();
            X11.Window client = screen ? null : owner.clientOf(window, 3);
            this.popupMask = mask;
            this.popupOwner = (client == null ? window : client).longValue() & ~mask;
            if (!screen) {
                owner.redirect(window);
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
                freeShared();
                if (!screen) {
                    pixmap = owner.composite().XCompositeNameWindowPixmap(x.display(), window);
                }
                if (!sharedRefused) {
                    shared = SharedImage.create(x, attributes.visual, attributes.depth, width, height);
                    sharedRefused = shared == null;
                }
            }
            boolean damageKnown = damageHandle != null && !wholeFrameDirty;
            int[] pixels = frame.reset(width, height, System.currentTimeMillis(), damageKnown || wholeFrameDirty);
            collectDamage(damageKnown);
            X11.Drawable source = screen ? window : pixmap;
            int border = screen ? 0 : attributes.border_width;
            boolean read = shared != null ? shared.read(source, border, border, pixels)
                    : x.readPixels(source, border, border, width, height, pixels);
            if (!read) {
                throw new SynclineException(ErrorCode.NOT_FOUND, "The shared window 0x"
                        + Long.toHexString(window.longValue()) + " could not be read (it is gone or changing size).");
            }
            if (wholeFrameDirty) {
                frame.addDirty(0, 0, width, height);
                wholeFrameDirty = false;
            }
            if (popupMask != 0) {
                compositePopups();
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

    /** Paints the application's popups over the frame; where popups were last time is dirty again. */
    private void compositePopups() {
        for (Region area : lastPopupAreas) {
            frame.addDirty(area.x(), area.y(), area.width(), area.height());
        }
        lastPopupAreas.clear();
        // popups are children of the root; the window may sit in a window manager's frame: compare on the screen
        int[] origin = x.screenOrigin(window);
        if (origin == null) {
            return;
        }
        Set<Long> current = new HashSet<>();
        for (X11.Window popup : owner.popupsAbove(window, popupOwner, popupMask)) {
            X11.XWindowAttributes attributes = owner.attributes(popup);
            if (attributes == null) {
                continue;
            }
            current.add(popup.longValue());
            if (redirectedPopups.add(popup.longValue())) {
                owner.redirect(popup);
            }
            X11.Pixmap pixmap = owner.composite().XCompositeNameWindowPixmap(x.display(), popup);
            if (x.takeError() != 0) {
                continue;
            }
            try {
                int border = attributes.border_width;
                int ox = attributes.x + border - origin[0];
                int oy = attributes.y + border - origin[1];
                int left = Math.max(0, ox);
                int top = Math.max(0, oy);
                int w = Math.min(width, ox + attributes.width) - left;
                int h = Math.min(height, oy + attributes.height) - top;
                if (w <= 0 || h <= 0) {
                    continue;
                }
                if (popupPixels.length < w * h) {
                    popupPixels = new int[w * h];
                }
                if (x.readPixels(pixmap, border + left - ox, border + top - oy, w, h, popupPixels)) {
                    for (int row = 0; row < h; row++) {
                        System.arraycopy(popupPixels, row * w, frame.pixels(), (top + row) * frame.stride() + left, w);
                    }
                    frame.addDirty(left, top, w, h);
                    lastPopupAreas.add(new Region(left, top, w, h));
                }
            } finally {
                XConnection.X.XFreePixmap(x.display(), pixmap);
            }
        }
        for (Long gone : new ArrayList<>(redirectedPopups)) {
            if (!current.contains(gone)) {
                redirectedPopups.remove(gone);
                owner.unredirect(new X11.Window(gone));
            }
        }
        x.takeError();
    }

    private void freePixmap() {
        if (pixmap != null) {
            XConnection.X.XFreePixmap(x.display(), pixmap);
            pixmap = null;
        }
    }

    private void freeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    private void releaseNative() {
        freePixmap();
        freeShared();
        if (damageHandle != null) {
            owner.damage().XDamageDestroy(x.display(), damageHandle);
            owner.fixes().XFixesDestroyRegion(x.display(), region);
            damageHandle = null;
        }
        if (!screen) {
            owner.unredirect(window);
        }
        for (Long popup : redirectedPopups) {
            owner.unredirect(new X11.Window(popup));
        }
        redirectedPopups.clear();
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
