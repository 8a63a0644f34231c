package org.syncline.core;

import java.util.regex.Pattern;

/** Validation of names users choose: user names, group names, role names. */
public final class Names {
    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private Names() {
    }

    /**
     * Returns the name if it is a valid user or group name: 1 to 64 characters, lower-case letters,
     * digits, '.', '_' or '-', starting with a letter or digit.
     */
    public static String requireUserName(String name) {
        if (name == null || name.isEmpty()) {
            throw new SynclineException(ErrorCode.INVALID_NAME, "A user name is required.");
        }
        if (!USER.matcher(name).matches()) {
            throw new SynclineException(ErrorCode.INVALID_NAME, "'" + printable(name)
                    + "' is not a valid user name: use 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        return name;
    }

    /** Makes a value safe to echo in an error message: control characters shown as '?', length capped. */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        if (s.length() > 80) {
            b.append('…');
        }
        return b.toString();
    }
}
