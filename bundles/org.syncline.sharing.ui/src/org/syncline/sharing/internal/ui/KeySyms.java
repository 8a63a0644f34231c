package org.syncline.sharing.internal.ui;

import org.eclipse.swt.SWT;

/**
 * SWT key codes to X11 keysyms, as the host injects them: letters (as the unshifted key; Shift goes as its own key),
 * digits and other printable ASCII, Return, BackSpace, Tab, Escape, Delete, the arrows and navigation keys, F1-F12
 * and the modifiers. 0 for keys without a keysym here.
 */
public final class KeySyms {
    private KeySyms() {
    }

    public static int of(int keyCode, char character) {
        switch (keyCode) {
            case SWT.CR, SWT.KEYPAD_CR:
                return 0xff0d; // Return
            case SWT.BS:
                return 0xff08;
            case SWT.TAB:
                return 0xff09;
            case SWT.ESC:
                return 0xff1b;
            case SWT.DEL:
                return 0xffff;
            case SWT.ARROW_LEFT:
                return 0xff51;
            case SWT.ARROW_UP:
                return 0xff52;
            case SWT.ARROW_RIGHT:
                return 0xff53;
            case SWT.ARROW_DOWN:
                return 0xff54;
            case SWT.HOME:
                return 0xff50;
            case SWT.END:
                return 0xff57;
            case SWT.PAGE_UP:
                return 0xff55;
            case SWT.PAGE_DOWN:
                return 0xff56;
            case SWT.INSERT:
                return 0xff63;
            case SWT.SHIFT:
                return 0xffe1; // Shift_L
            case SWT.CTRL:
                return 0xffe3; // Control_L
            case SWT.ALT:
                return 0xffe9; // Alt_L
            case SWT.COMMAND:
                return 0xffeb; // Super_L
            default:
                break;
        }
        if (keyCode >= SWT.F1 && keyCode <= SWT.F12) {
            return 0xffbe + (keyCode - SWT.F1); // F1 is 0xffbe
        }
        if (keyCode >= 0x20 && keyCode <= 0x7e) {
            return Character.toLowerCase(keyCode); // Latin-1 keysyms equal their ASCII codes
        }
        if (keyCode == 0 && character >= 0x20 && character <= 0x7e) {
            return character;
        }
        return 0;
    }
}
