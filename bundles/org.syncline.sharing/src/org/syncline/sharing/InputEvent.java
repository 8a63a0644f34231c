package org.syncline.sharing;

import java.util.Objects;

/**
 * One input event from the viewer that holds the control token, in the shared window's own coordinates. The relay
 * forwards it to the host only from the token holder; the host checks the token again and injects it into the
 * shared window only (clipped to its bounds, keys only while it has focus).
 *
 * @param kind what happened
 * @param x horizontal position in window pixels (pointer events; may lie outside, the host then drops it)
 * @param y vertical position in window pixels
 * @param button pointer button, X11 numbering: 1 left, 2 middle, 3 right, 4/5 wheel up/down, 6/7 wheel left/right
 *        (0 for moves and keys)
 * @param keysym X11 keysym of the key (0 for pointer events); viewers map their toolkit's key codes to keysyms
 */
public record InputEvent(Kind kind, int x, int y, int button, int keysym) {

    public enum Kind {
        MOVE, BUTTON_PRESS, BUTTON_RELEASE, KEY_PRESS, KEY_RELEASE
    }

    public InputEvent {
        Objects.requireNonNull(kind, "kind");
        boolean buttonEvent = kind == Kind.BUTTON_PRESS || kind == Kind.BUTTON_RELEASE;
        if (buttonEvent && (button < 1 || button > 7)) {
            throw new IllegalArgumentException("pointer button " + button + " is outside 1-7");
        }
        boolean keyEvent = kind == Kind.KEY_PRESS || kind == Kind.KEY_RELEASE;
        if (keyEvent && (keysym <= 0 || keysym > 0x1fffffff)) {
            throw new IllegalArgumentException("keysym " + keysym + " is not an X11 keysym");
        }
    }

    public boolean isPointer() {
        return kind == Kind.MOVE || kind == Kind.BUTTON_PRESS || kind == Kind.BUTTON_RELEASE;
    }
}
