package org.syncline.sharing.input;

import org.syncline.sharing.InputEvent;

/**
 * Injects the control-token holder's input into the ONE shared window: pointer positions are in window
 * coordinates and are translated to the screen with the window's position at injection time; pointer events
 * outside the window are dropped; keys go in only while the shared window has the keyboard focus. A button
 * press inside the window gives it the focus (and raises it where another window covers that point), as a click
 * does under any window manager, so the holder clicks into the window and then types; when the host moves the
 * focus elsewhere the holder's keys are dropped until they click into the window again (the host keeps priority).
 * Keys and buttons the holder pressed are always released, even when the release itself would be dropped, so
 * nothing stays held down. A key is pressed on the host's key that carries its keysym; modifiers (Shift for
 * capitals, Control, ...) are keys the viewer sends as their own events.
 * <p>
 * Before every event the injector asks its control check (for example "does this viewer still hold the token?")
 * and injects nothing when it says no. {@link InputInjectors#forWindow} picks the platform implementation.
 * <p>
 * When the host shares the whole screen ({@link InputInjectors#forScreen}), the screen is the shared window:
 * pointer positions are screen coordinates, dropped outside the screen, and keys go to whatever has the focus.
 */
public interface InputInjector extends AutoCloseable {

    InjectionResult inject(InputEvent event);

    /** Releases whatever keys and buttons this injector still holds down, then closes. */
    @Override
    void close();
}
