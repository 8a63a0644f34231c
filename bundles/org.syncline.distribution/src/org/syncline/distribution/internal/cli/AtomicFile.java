package org.syncline.distribution.internal.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/** Writes a file all or nothing: a temp file next to it, fsync, then a rename (or a link, to never overwrite). */
final class AtomicFile {
    private AtomicFile() {
    }

    static void write(Path target, boolean overwrite, Consumer<OutputStream> content) {
        if (!overwrite && Files.exists(target)) {
            throw exists(target);
        }
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE); OutputStream out = Channels.newOutputStream(ch)) {
                content.accept(out);
                out.flush();
                ch.force(true);
            }
            if (overwrite) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.createLink(target, temp); // fails when the target appeared meanwhile
            }
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
        } catch (FileAlreadyExistsException e) {
            throw exists(target);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Could not write " + target + " (" + e.getMessage()
                    + "); check the folder exists, is writable and has space.", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // a leftover .part file is harmless and named for what it is
                }
            }
        }
    }

    private static SynclineException exists(Path target) {
        return new SynclineException(ErrorCode.ALREADY_EXISTS, target + " exists; choose another path or pass --force to replace it.");
    }
}
