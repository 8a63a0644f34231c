package org.syncline.documents.internal.server;

import java.util.List;
import java.util.stream.Stream;

import org.syncline.store.Migration;

/**
 * The schema of the documents capability (component {@code docs}), oldest first, append only. Each table's
 * SQL lives in its table class.
 */
final class DocumentsSchema {
    static final List<Migration> MIGRATIONS = List.of(
            Migration.sql(1, "documents, versions, tags, grants", Stream.of(DocumentTable.CREATE, VersionTable.CREATE, TagTable.CREATE,
                    GrantTable.CREATE).flatMap(Stream::of).toArray(String[]::new)),
            Migration.sql(2, "storage nodes and the blob deletions waiting for them", NodeTable.CREATE),
            Migration.sql(3, "node inventories and missing versions", InventoryTable.CREATE),
            Migration.sql(4, "when each orphan was first seen, for the automatic sweep", OrphanTable.CREATE),
            DocumentTable.NAME_KEY);

    private DocumentsSchema() {
    }
}
