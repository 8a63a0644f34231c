package org.syncline.sharing.input;

import java.util.function.BooleanSupplier;

import org.syncline.sharing.capture.WindowCaptures;
import org.syncline.sharing.internal.x11.X11InputInjector;

/** Picks the {@link InputInjector} for the desktop this process runs on. */
public final class InputInjectors {

    private InputInjectors() {
    }

    /**
     * An injector into one window.
     *
     * @param windowId the window being shared (as {@link org.syncline.sharing.capture.WindowInfo#id()})
     * @param controlAllowed asked before every event; false drops the event (the host's own token check)
     * @throws org.syncline.core.SynclineException {@code CONFIG} when the desktop offers no input injection,
     *         {@code NOT_FOUND} when there is no such window
     */
    public static InputInjector forWindow(long windowId, BooleanSupplier controlAllowed) {
        return X11InputInjector.open(WindowCaptures.displayName(), windowId, controlAllowed);
    }

    /**
     * An injector into the whole screen: pointer positions in screen coordinates, clipped to the screen; keys go to
     * whatever has the keyboard focus.
     *
     * @param controlAllowed asked before every event; false drops the event (the host's own token check)
     * @throws org.syncline.core.SynclineException {@code CONFIG} when the desktop offers no input injection
     */
    public static InputInjector forScreen(BooleanSupplier controlAllowed) {
        return X11InputInjector.openScreen(WindowCaptures.displayName(), controlAllowed);
    }
}
