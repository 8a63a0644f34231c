package org.syncline.sync.internal.ui;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/** The pairs as JSON in the workbench's state location, written whole or not at all (temp, fsync, rename). */
final class PairFile {
    private final Path file;

    PairFile(Path file) {
        this.file = file;
    }

    List<SyncPair> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JsonObject.parse(Files.readString(file)).list("pairs", SyncPair.class);
        } catch (IOException | RuntimeException e) {
            throw new SynclineException(ErrorCode.CONFIG, "The sync pairs in " + file + " cannot be read (" + e.getMessage()
                    + "); fix or remove the file and add the pairs again.", e);
        }
    }

    void write(List<SyncPair> pairs) {
        byte[] content = Json.pretty(Json.object("pairs", pairs)).getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ch.write(java.nio.ByteBuffer.wrap(content));
                    ch.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The sync pairs cannot be saved to " + file + " (" + e.getMessage()
                    + "); the change is kept until the workbench closes, check the disk has space.", e);
        }
    }
}
