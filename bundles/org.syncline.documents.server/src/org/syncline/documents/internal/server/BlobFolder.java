package org.syncline.documents.internal.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.ObjLongConsumer;
import java.util.stream.Stream;

import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;

/** What a blob store's folder holds: every file named by a SHA-256 (temp files of writes in progress are not). */
final class BlobFolder {
    private BlobFolder() {
    }

    static void list(Path dir, ObjLongConsumer<String> each) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.find(dir, 3, (p, a) -> a.isRegularFile() && Sha256.isHex(p.getFileName().toString()))) {
            files.forEach(p -> each.accept(p.getFileName().toString(), size(p)));
        } catch (IOException | UncheckedIOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Listing the blobs in " + dir + " failed (" + e.getMessage() + ").", e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).size();
        } catch (IOException e) {
            return 0; // removed while listed
        }
    }
}
