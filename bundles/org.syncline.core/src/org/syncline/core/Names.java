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

    /** The longest file or document name most file systems take, in UTF-8 bytes. */
    public static final int MAX_FILE_NAME_BYTES = 255;

    /**
     * Returns the name if it can be a file name on every platform we serve: not empty, not "." or "..",
     * no '/' or '\\', no control character, at most {@value #MAX_FILE_NAME_BYTES} bytes of UTF-8. Documents
     * are downloaded under their name, so a name that passes here cannot lead outside the chosen folder.
     *
     * @param what what the name belongs to, as users call it: "document", "file"
     */
    public static String requireFileName(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new SynclineException(ErrorCode.INVALID_NAME, "A " + what + " name is required.");
        }
        String problem = null;
        if (name.equals(".") || name.equals("..")) {
            problem = "it is '" + name + "'";
        } else if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            problem = "it contains a path separator ('/' or '\\')";
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problem = "it contains a control character";
        } else if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_FILE_NAME_BYTES) {
            problem = "it is longer than " + MAX_FILE_NAME_BYTES + " bytes in UTF-8";
        }
        if (problem != null) {
            throw new SynclineException(ErrorCode.INVALID_NAME, "The " + what + " name '" + printable(name) + "' is refused: "
                    + problem + "; choose a plain file name.");
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
