package org.syncline.documents.internal.server;

import org.syncline.store.Database;
import org.syncline.store.SqlWork;

/**
 * The registry's metadata in the server's embedded Derby database ({@link Database}), whose schema the server
 * brings to {@link DocumentsSchema}'s newest migration at start. The only class of the registry that names the
 * Derby database.
 */
final class DerbyRegistryDatabase implements RegistryDatabase {
    private final Database db;

    DerbyRegistryDatabase(Database db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        return db.inTransaction(work);
    }
}
