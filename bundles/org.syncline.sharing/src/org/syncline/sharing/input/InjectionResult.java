package org.syncline.sharing.input;

/** What became of one input event the token holder sent. */
public enum InjectionResult {
    /** The event reached the shared window. */
    INJECTED("The input reached the shared window."),
    /** The host's control check said no (the sender does not hold the token any more). */
    NO_CONTROL("The input was dropped: its sender does not hold the control token."),
    /** A pointer event outside the shared window's bounds. */
    OUTSIDE_WINDOW("The input was dropped: it points outside the shared window."),
    /** A pointer event outside the screen, when the whole screen is shared. */
    OUTSIDE_SCREEN("The input was dropped: it points outside the shared screen."),
    /** Another window covers the shared window at that point and raising the shared window did not help. */
    OBSCURED("The input was dropped: another window covers the shared window there."),
    /** A key while the shared window does not have the keyboard focus (the host is typing elsewhere). */
    NOT_FOCUSED("The key was dropped: the shared window does not have the keyboard focus; click into it first."),
    /** The key has no key code on the host's keyboard map. */
    UNKNOWN_KEY("The key was dropped: the host's keyboard has no key for it."),
    /** The shared window is gone or hidden. */
    WINDOW_GONE("The input was dropped: the shared window is gone or hidden.");

    private final String sentence;

    InjectionResult(String sentence) {
        this.sentence = sentence;
    }

    /** A sentence for the host's log or a viewer's status line. */
    public String sentence() {
        return sentence;
    }
}
