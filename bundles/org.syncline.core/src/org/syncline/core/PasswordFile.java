package org.syncline.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a password from a file, as --password-file options take it: the first line, without its newline. */
public final class PasswordFile {
    private static final long MAX_BYTES = 4096;

    private PasswordFile() {
    }

    public static char[] read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The password file " + file + " is larger than " + MAX_BYTES + " bytes; it should hold one line.");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            String line = nl >= 0 ? text.substring(0, nl) : text;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The password file " + file + " is empty.");
            }
            return line.toCharArray();
        } catch (NoSuchFileException e) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The password file " + file + " does not exist.");
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Cannot read the password file " + file + ": " + e.getMessage());
        }
    }
}
