package org.syncline.sharing.internal.x11;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sharing.InputEvent;
import org.syncline.sharing.input.InjectionResult;
import org.syncline.sharing.input.InputInjector;

import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/**
 * {@link InputInjector} through XTest on a private X connection. For one window, the window's position is read at
 * every event (it may have moved), and the point is checked to belong to the shared window on the screen before
 * anything is sent, so input never lands in another window. For the whole screen, the root window is the shared
 * window: pointer positions are screen coordinates clipped to the screen's size (read at every event, the screen
 * may be resized) and keys go to whatever has the focus.
 */
public final class X11InputInjector implements InputInjector {

    private static final NativeLong NOW = new NativeLong(0);
    private static final long POINTER_ROOT = 1;
    /** How often (every 20 ms) to look whether a window manager raised the shared window it was asked to activate. */
    private static final int ACTIVATION_POLLS = 25;

    private final XConnection x;
    private final X11.XTest xtest;
    private final X11.Window window;
    private final BooleanSupplier controlAllowed;
    private final boolean screen;
    private final Set<Integer> heldButtons = new LinkedHashSet<>();
    private final Set<Integer> heldKeys = new LinkedHashSet<>();
    private boolean closed;

    private X11InputInjector(XConnection x, X11.XTest xtest, X11.Window window, BooleanSupplier controlAllowed) {
        this.x = x;
        this.xtest = xtest;
        this.window = window;
        this.controlAllowed = controlAllowed;
        this.screen = window.longValue() == x.root().longValue();
    }

    /** Opens an injector into one window of the named display. */
    public static X11InputInjector open(String displayName, long windowId, BooleanSupplier controlAllowed) {
        return open(displayName, x -> windowId, controlAllowed);
    }

    /** Opens an injector into the whole screen of the named display (its root window). */
    public static X11InputInjector openScreen(String displayName, BooleanSupplier controlAllowed) {
        return open(displayName, x -> x.root().longValue(), controlAllowed);
    }

    private static X11InputInjector open(String displayName, ToLongFunction<XConnection> target,
            BooleanSupplier controlAllowed) {
        XConnection x = XConnection.open(displayName);
        try {
            if (!x.hasExtension("XTEST")) {
                throw new SynclineException(ErrorCode.CONFIG, "The X display " + displayName
                        + " lacks the XTEST extension, so input cannot be injected.");
            }
            X11.XTest xtest;
            try {
                xtest = X11.XTest.INSTANCE;
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                throw new SynclineException(ErrorCode.CONFIG, "libXtst is not installed, so input cannot be injected.", e);
            }
            long windowId = target.applyAsLong(x);
            X11.Window window = new X11.Window(windowId);
            X11.XWindowAttributes attributes = new X11.XWindowAttributes();
            if (XConnection.X.XGetWindowAttributes(x.display(), window, attributes) == 0 || x.takeError() != 0) {
                throw new SynclineException(ErrorCode.NOT_FOUND, "There is no window 0x" + Long.toHexString(windowId)
                        + " on display " + displayName + ".");
            }
            return new X11InputInjector(x, xtest, window, controlAllowed);
        } catch (RuntimeException e) {
            x.close();
            throw e;
        }
    }

    @Override
    public synchronized InjectionResult inject(InputEvent event) {
        if (closed) {
            throw new IllegalStateException("the injector is closed");
        }
        if (!controlAllowed.getAsBoolean()) {
            releaseHeld();
            return InjectionResult.NO_CONTROL;
        }
        X11.XWindowAttributes attributes = new X11.XWindowAttributes();
        if (XConnection.X.XGetWindowAttributes(x.display(), window, attributes) == 0 || x.takeError() != 0
                || attributes.map_state != X11.IsViewable) {
            releaseHeld();
            return InjectionResult.WINDOW_GONE;
        }
        InjectionResult result = event.isPointer() ? screen ? screenPointer(event, attributes) : pointer(event, attributes)
                : key(event);
        x.sync();
        return result;
    }

    private InjectionResult pointer(InputEvent event, X11.XWindowAttributes attributes) {
        if (releasedHeldButton(event)) {
            return InjectionResult.INJECTED;
        }
        if (event.x() < 0 || event.y() < 0 || event.x() >= attributes.width || event.y() >= attributes.height) {
            return InjectionResult.OUTSIDE_WINDOW;
        }
        IntByReference rootX = new IntByReference();
        IntByReference rootY = new IntByReference();
        X11.WindowByReference child = new X11.WindowByReference();
        if (!XConnection.X.XTranslateCoordinates(x.display(), window, x.root(), event.x(), event.y(), rootX, rootY,
                child)) {
            return InjectionResult.WINDOW_GONE;
        }
        long topLevel = x.topLevelOf(window.longValue());
        if (topLevelAt(rootX.getValue(), rootY.getValue()) != topLevel) {
            if (event.kind() != InputEvent.Kind.BUTTON_PRESS) {
                return InjectionResult.OBSCURED;
            }
            if (!raise(topLevel, rootX.getValue(), rootY.getValue())) {
                return InjectionResult.OBSCURED;
            }
        }
        xtest.XTestFakeMotionEvent(x.display(), -1, rootX.getValue(), rootY.getValue(), NOW);
        switch (event.kind()) {
            case BUTTON_PRESS -> {
                x.focus(window.longValue());
                xtest.XTestFakeButtonEvent(x.display(), event.button(), true, NOW);
                heldButtons.add(event.button());
            }
            case BUTTON_RELEASE -> xtest.XTestFakeButtonEvent(x.display(), event.button(), false, NOW);
            default -> {
                // a move: the motion above is all
            }
        }
        if (x.takeError() != 0) {
            return InjectionResult.WINDOW_GONE;
        }
        return InjectionResult.INJECTED;
    }

    /**
     * Lets go of a button this injector pressed, wherever the pointer is now (a drag may end outside the window);
     * true when the event was such a release.
     */
    private boolean releasedHeldButton(InputEvent event) {
        if (event.kind() == InputEvent.Kind.BUTTON_RELEASE && heldButtons.remove(event.button())) {
            xtest.XTestFakeButtonEvent(x.display(), event.button(), false, NOW);
            return true;
        }
        return false;
    }

    /** A pointer event on the whole screen: screen coordinates, clipped to the screen; whatever is there gets it. */
    private InjectionResult screenPointer(InputEvent event, X11.XWindowAttributes attributes) {
        if (releasedHeldButton(event)) {
            return InjectionResult.INJECTED;
        }
        if (event.x() < 0 || event.y() < 0 || event.x() >= attributes.width || event.y() >= attributes.height) {
            return InjectionResult.OUTSIDE_SCREEN;
        }
        xtest.XTestFakeMotionEvent(x.display(), -1, event.x(), event.y(), NOW);
        switch (event.kind()) {
            case BUTTON_PRESS -> {
                xtest.XTestFakeButtonEvent(x.display(), event.button(), true, NOW);
                heldButtons.add(event.button());
            }
            case BUTTON_RELEASE -> xtest.XTestFakeButtonEvent(x.display(), event.button(), false, NOW);
            default -> {
                // a move: the motion above is all
            }
        }
        return InjectionResult.INJECTED;
    }

    private InjectionResult key(InputEvent event) {
        int keycode = XConnection.X.XKeysymToKeycode(x.display(), new X11.KeySym(event.keysym())) & 0xff;
        if (keycode == 0) {
            return InjectionResult.UNKNOWN_KEY;
        }
        boolean press = event.kind() == InputEvent.Kind.KEY_PRESS;
        if (!press && heldKeys.remove(keycode)) {
            xtest.XTestFakeKeyEvent(x.display(), keycode, false, NOW);
            return InjectionResult.INJECTED;
        }
        if (!screen && !hasFocus()) {
            return InjectionResult.NOT_FOCUSED;
        }
        xtest.XTestFakeKeyEvent(x.display(), keycode, press, NOW);
        if (press) {
            heldKeys.add(keycode);
        }
        return InjectionResult.INJECTED;
    }

    /** True when keyboard input goes to the shared window or one of its descendants. */
    private boolean hasFocus() {
        X11.WindowByReference focus = new X11.WindowByReference();
        XConnection.xlib().XGetInputFocus(x.display(), focus, new IntByReference());
        X11.Window focused = focus.getValue();
        long id = focused == null ? 0 : focused.longValue();
        if (id == POINTER_ROOT) {
            // Focus follows the pointer: keys go where the pointer is.
            IntByReference ignored = new IntByReference();
            X11.WindowByReference rootReturn = new X11.WindowByReference();
            X11.WindowByReference childReturn = new X11.WindowByReference();
            XConnection.X.XQueryPointer(x.display(), x.root(), rootReturn, childReturn, ignored, ignored, ignored,
                    ignored, ignored);
            X11.Window child = childReturn.getValue();
            return child != null && child.longValue() == x.topLevelOf(window.longValue());
        }
        for (long w = id; w != 0 && w != x.root().longValue(); w = x.parentOf(w)) {
            if (w == window.longValue()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Brings the shared window to the top so that it is the window at the screen point; true when it is. Without a
     * window manager the window is raised directly; under one (the top level is its frame) the manager is asked to
     * activate it (_NET_ACTIVE_WINDOW, as a pager would on a user's click; a raise request of another client would
     * only be redirected to the manager and ignored), and the answer is awaited for a moment.
     */
    private boolean raise(long topLevel, int rootX, int rootY) {
        if (topLevel == window.longValue()) {
            XConnection.X.XRaiseWindow(x.display(), new X11.Window(topLevel));
            x.sync();
            return topLevelAt(rootX, rootY) == topLevel;
        }
        X11.XEvent event = new X11.XEvent();
        event.type = X11.ClientMessage;
        event.setType(X11.XClientMessageEvent.class);
        X11.XClientMessageEvent message = event.xclient;
        message.type = X11.ClientMessage;
        message.serial = new NativeLong(0);
        message.send_event = 1;
        message.display = x.display();
        message.window = window;
        message.message_type = XConnection.X.XInternAtom(x.display(), "_NET_ACTIVE_WINDOW", false);
        message.format = 32;
        message.data.setType(NativeLong[].class);
        message.data.l = new NativeLong[] { new NativeLong(2), NOW, new NativeLong(0), new NativeLong(0), new NativeLong(0) };
        XConnection.X.XSendEvent(x.display(), x.root(), 0,
                new NativeLong(X11.SubstructureRedirectMask | X11.SubstructureNotifyMask), event);
        x.sync();
        for (int tries = 0; tries < ACTIVATION_POLLS; tries++) {
            if (topLevelAt(rootX, rootY) == topLevel) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return topLevelAt(rootX, rootY) == topLevel;
    }

    /** The topmost mapped child of the root window at a screen point (0 for none). */
    private long topLevelAt(int rootX, int rootY) {
        X11.WindowByReference child = new X11.WindowByReference();
        IntByReference ignored = new IntByReference();
        XConnection.X.XTranslateCoordinates(x.display(), x.root(), x.root(), rootX, rootY, ignored, ignored, child);
        X11.Window window = child.getValue();
        return window == null ? 0 : window.longValue();
    }

    /** Lets go of every key and button this injector pressed. */
    private void releaseHeld() {
        for (int keycode : heldKeys) {
            xtest.XTestFakeKeyEvent(x.display(), keycode, false, NOW);
        }
        for (int button : heldButtons) {
            xtest.XTestFakeButtonEvent(x.display(), button, false, NOW);
        }
        heldKeys.clear();
        heldButtons.clear();
        x.sync();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            releaseHeld();
            x.close();
        }
    }
}
