package org.syncline.sync.internal.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.protocol.Principal;
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

    @AfterEach
    void closeDerbyHub() {
        db.close();
    }
}
