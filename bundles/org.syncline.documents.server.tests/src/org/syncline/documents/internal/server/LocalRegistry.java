package org.syncline.documents.internal.server;

import java.nio.file.Path;
import java.util.Optional;

import org.syncline.store.BlobStore;
import org.syncline.store.Database;

/**
 * A registry as the server builds it, in one folder: real Derby at the newest docs schema, and the registry's own
 * storage node ("n1") on a real blob store. For tests of the registry's parts without a server process.
 */
final class LocalRegistry implements AutoCloseable {
    final Database db;
    final Path blobDir;
    final BlobLocks locks = new BlobLocks();
    final StorageNodes nodes;
    /** Not loaded: searches go to SQL until {@link #loadNameIndex} (as while a server loads it). */
    final NameIndex names = new NameIndex();
    final DocumentRegistry registry;

    LocalRegistry(Path dir) {
        db = Database.open(dir.resolve("db"));
        db.migrate("docs", DocumentsSchema.MIGRATIONS);
        blobDir = dir.resolve("blobs");
        RegistryDatabase metadata = new DerbyRegistryDatabase(db);
        nodes = new StorageNodes(metadata, Optional.of(new LocalNode("n1", new BlobStore(blobDir), blobDir)), dir.resolve("db"), null,
                info -> { }, locks);
        registry = new DocumentRegistry(metadata, nodes, locks, names);
    }

    /** Loads the name index as the server does at start: name-only searches in name order are the index's from then on. */
    void loadNameIndex() {
        db.inTransaction(c -> {
            names.load(c);
            return null;
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
