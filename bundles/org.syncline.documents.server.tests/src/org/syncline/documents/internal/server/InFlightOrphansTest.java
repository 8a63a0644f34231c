package org.syncline.documents.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.documents.NodeFile;
import org.syncline.store.Database;

/**
 * A blob a registration has stored on a node and not yet committed a version for is in the node's inventory without a
 * reference for that moment: it is not listed or counted as an orphan, and cannot be purged or adopted as one.
 */
class InFlightOrphansTest {
    private static final String IN_FLIGHT = "a".repeat(64);
    private static final String ORPHAN = "b".repeat(64);

    @TempDir
    Path dir;
    private LocalRegistry local;
    private Database db;
    private BlobLocks locks;
    private StorageNodes nodes;

    @BeforeEach
    void open() {
        local = new LocalRegistry(dir);
        db = local.db;
        locks = local.locks;
        nodes = local.nodes;
        db.inTransaction(c -> {
            InventoryTable.add(c, "n1", IN_FLIGHT, 10);
            InventoryTable.add(c, "n1", ORPHAN, 20);
            return null;
        });
    }

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void aBlobBeingRegisteredIsNoOrphanUntilItsRegistrationEnds() {
        locks.committing("n1", List.of(IN_FLIGHT));
        var orphans = nodes.files("n1", true, 100);
        assertEquals(List.of(ORPHAN), orphans.files().stream().map(NodeFile::sha256).toList());
        assertEquals(1, orphans.total());
        assertEquals(2, nodes.files("n1", false, 100).total(), "the inventory itself lists both");
        SynclineException refused = assertThrows(SynclineException.class, () -> db.inTransaction(c -> nodes.orphan(c, "n1", IN_FLIGHT)));
        assertEquals(ErrorCode.ALREADY_EXISTS, refused.code());
        assertTrue(refused.getMessage().contains("being registered right now"), refused.getMessage());

        // the registration failed and left its blob: now it is an orphan like any other
        locks.committed("n1", List.of(IN_FLIGHT));
        assertEquals(2, nodes.files("n1", true, 100).total());
        assertEquals(IN_FLIGHT, db.inTransaction(c -> nodes.orphan(c, "n1", IN_FLIGHT)).sha256());
    }
}
