package org.syncline.documents.internal.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.ObjLongConsumer;

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
        try {
            Files.walkFileTree(dir, java.util.Set.of(), 3, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    if (a.isRegularFile() && Sha256.isHex(p.getFileName().toString())) {
                        each.accept(p.getFileName().toString(), a.size());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                    // a write's temp file renamed or removed between reading the folder and reading the file: not a blob
                    // (a heartbeat's free space is counted while batches are stored; it failed here and the node said hello again)
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Listing the blobs in " + dir + " failed (" + e.getMessage() + ").", e);
        }
    }
}
