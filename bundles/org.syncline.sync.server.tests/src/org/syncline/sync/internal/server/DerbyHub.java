package org.syncline.sync.internal.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;

import org.syncline.protocol.Principal;
import org.syncline.store.BlobStore;
import org.syncline.store.Database;

/** A hub on a real Derby database under {@code dir}, with a folder "shared" that {@link #ANN} owns. */
final class DerbyHub implements AutoCloseable {
    static final Principal ANN = new Principal("ann", Set.of(Principal.MEMBER));
    final Database db;
    final SyncHub hub;

    DerbyHub(Path dir) {
        db = Database.open(dir.resolve("db"));
        db.migrate(new SyncCapability().name(), SyncSchema.MIGRATIONS);
        hub = new SyncHub(db, new ChunkStorage(db, new BlobStore(dir.resolve("chunks")), new PackFiles(dir.resolve("packs"))),
                Duration.ofDays(30), Logger.getLogger("test"));
        hub.create(ANN, "shared");
    }

    @Override
    public void close() {
        db.close();
    }
}
