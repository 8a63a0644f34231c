package org.syncline.sync.internal.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.Sha256;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.protocol.Principal;
import org.syncline.sync.FileChange;
import org.syncline.store.BlobStore;
import org.syncline.store.Database;

/**
 * The fixture of the hub's tests on a real Derby database: before each test a hub in a temp directory with the sync
 * migrations applied and a folder "shared" that {@link #ANN} owns; the database is closed after it.
 */
abstract class WithDerbyHub {
    static final Principal ANN = new Principal("ann", Set.of(Principal.MEMBER));
    final Principal ann = ANN;
    @TempDir
    Path dir;
    Database db;
    SyncHub hub;
    ChunkStorage chunks;

    @BeforeEach
    void openDerbyHub() {
        db = Database.open(dir.resolve("db"));
        db.migrate(new SyncCapability().name(), SyncSchema.MIGRATIONS);
        chunks = new ChunkStorage(db, new BlobStore(dir.resolve("chunks")), new PackFiles(dir.resolve("packs")));
        hub = new SyncHub(db, chunks, Duration.ofDays(30), Logger.getLogger("test"));
        hub.create(ANN, "shared");
    }

    /** A put of {@code text} to the folder "shared" as one chunk, which is stored on the hub first. */
    FileChange stored(String path, long base, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        String sha = Sha256.hex(data);
        try (InputStream in = new ByteArrayInputStream(data)) {
            hub.putChunk(ann, "shared", sha, in);
        }
        return FileChange.put(path, base, data.length, sha, List.of(new ChunkRef(sha, data.length)));
    }

    @AfterEach
    void closeDerbyHub() {
        db.close();
    }
}
