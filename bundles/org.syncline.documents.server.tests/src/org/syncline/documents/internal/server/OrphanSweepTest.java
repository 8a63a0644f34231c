package org.syncline.documents.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.SynclineException;
import org.syncline.documents.NodeFileList;
import org.syncline.documents.VersionInfo;
import org.syncline.server.api.ServerSettings;
import org.syncline.store.BlobStore;
import org.syncline.store.Database;

/**
 * The automatic orphan sweep against a real Derby database and a real blob store standing in for a joined node
 * ("n2"), with a clock the test moves: an orphan goes once it was first seen a grace period ago and only then;
 * a file a version uses, one a queued deletion waits for, one a registration is committing and one used since
 * it was seen all stay.
 */
class OrphanSweepTest {
    private static final Duration GRACE = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;
    private Database derby;
    private RegistryDatabase db;
    private BlobStore store;
    private BlobLocks locks;
    private final MovableClock clock = new MovableClock(T0);
    private OrphanSweep sweep;

    @BeforeEach
    void open() {
        derby = Database.open(dir.resolve("db"));
        derby.migrate("docs", DocumentsSchema.MIGRATIONS);
        db = new DerbyRegistryDatabase(derby);
        store = new BlobStore(dir.resolve("blobs"));
        locks = new BlobLocks();
        LocalNode n2 = new LocalNode("n2", store, dir.resolve("blobs"));
        sweep = new OrphanSweep(db, locks, GRACE, name -> name.equals("n2") ? Optional.of(n2) : Optional.empty(), clock);
    }

    @AfterEach
    void close() {
        derby.close();
    }

    @Test
    void anOrphanGoesOnlyOnceItsGraceHasPassedAndNothingInUseEverGoes() {
        String used = blob("used by a document");
        String queued = blob("waiting for a queued deletion");
        String orphan = blob("nobody registered this");
        String committing = blob("a registration is committing this");
        String adoptedLater = blob("used after it was seen as an orphan");
        db.inTransaction(c -> {
            for (String sha : List.of(used, queued, orphan, committing, adoptedLater)) {
                InventoryTable.add(c, "n2", sha, store.size(sha));
            }
            version(c, "d1", used);
            NodeTable.queueDeletion(c, "n2", queued, T0);
            assertEquals(3, OrphanTable.record(c, "n2", T0), "orphans: the stray one, the committing one, the one used later");
            return null;
        });

        NodeFileList listed = sweep.withPurgeDates("n2", new NodeFileList(db.inTransaction(c -> InventoryTable.list(c, "n2", true, 100)), 4, Map.of()));
        assertEquals(T0.plus(GRACE), listed.purgeAfter().get(orphan));
        assertFalse(listed.purgeAfter().containsKey(queued), "a queued deletion removes it, not the sweep");

        clock.now = T0.plus(GRACE).minusSeconds(1);
        assertEquals(0, sweep.pass("n2"), "not yet due");
        assertTrue(store.exists(orphan));

        db.inTransaction(c -> version(c, "d2", adoptedLater));
        locks.committing("n2", List.of(committing));
        clock.now = T0.plus(GRACE);
        assertEquals(1, sweep.pass("n2"));
        assertFalse(store.exists(orphan), "the due orphan was purged from the node");
        assertEquals(0L, (long) db.inTransaction(c -> InventoryTable.find(c, "n2", orphan).map(f -> 1L).orElse(0L)), "and from its inventory");
        for (String kept : List.of(used, queued, committing, adoptedLater)) {
            assertTrue(store.exists(kept), kept);
        }
        assertFalse(db.inTransaction(c -> OrphanTable.seen(c, "n2", List.of(adoptedLater))).containsKey(adoptedLater),
                "a file used since it was seen is no orphan any more");

        locks.committed("n2", List.of(committing));
        assertEquals(1, sweep.pass("n2"), "a registration that failed leaves an orphan the sweep takes");
        assertFalse(store.exists(committing));
        assertEquals(2, sweep.purged(), "each purge is counted");
    }

    @Test
    void aGraceOfZeroTurnsTheSweepOffAndTheBuiltInNodeIsNeverSwept() {
        String orphan = blob("stray");
        db.inTransaction(c -> {
            InventoryTable.add(c, "n2", orphan, store.size(orphan));
            InventoryTable.add(c, "local", orphan, store.size(orphan));
            OrphanTable.record(c, "n2", T0);
            OrphanTable.record(c, "local", T0);
            return null;
        });
        clock.now = T0.plus(Duration.ofDays(365));
        OrphanSweep off = new OrphanSweep(db, locks, Duration.ZERO, name -> Optional.of(new LocalNode(name, store, dir.resolve("blobs"))), clock);
        assertFalse(off.isOn());
        assertEquals(0, off.pass("n2"));
        assertEquals(0, sweep.pass("local"), "only nodes the registry names sweepable are swept");
        assertTrue(store.exists(orphan));
        assertEquals(Duration.ofMinutes(1), new OrphanSweep(db, locks, Duration.ofDays(7), n -> Optional.empty(), clock).interval());
        assertEquals(Duration.ofSeconds(1), new OrphanSweep(db, locks, Duration.ofSeconds(3), n -> Optional.empty(), clock).interval());
        assertEquals(List.of("7d", "36h", "90m", "45s"), List.of(OrphanSweep.setting(Duration.ofDays(7)), OrphanSweep.setting(Duration.ofHours(36)),
                OrphanSweep.setting(Duration.ofMinutes(90)), OrphanSweep.setting(Duration.ofSeconds(45))));
    }

    @Test
    void theGraceIsASettingOfTheRegistry() {
        assertEquals(Duration.ofDays(7), DocumentsCapability.orphanGrace(ServerSettings.none()));
        assertEquals(Duration.ZERO, DocumentsCapability.orphanGrace(new ServerSettings(Map.of("docs.orphan-grace", "0"))));
        assertEquals(Duration.ofHours(12), DocumentsCapability.orphanGrace(new ServerSettings(Map.of("docs.orphan-grace", "12h"))));
        SynclineException e = assertThrows(SynclineException.class,
                () -> DocumentsCapability.orphanGrace(new ServerSettings(Map.of("docs.orphan-grace", "soon"))));
        assertTrue(e.getMessage().contains("docs.orphan-grace must be a duration"), e.getMessage());
    }

    @Test
    void theFirstSightingSurvivesTheNextInventory() {
        String orphan = blob("stray");
        db.inTransaction(c -> {
            InventoryTable.add(c, "n2", orphan, store.size(orphan));
            OrphanTable.record(c, "n2", T0);
            // the node says hello again: its inventory is taken anew
            InventoryTable.clear(c, "n2");
            InventoryTable.add(c, "n2", orphan, store.size(orphan));
            OrphanTable.record(c, "n2", T0.plusSeconds(600));
            return null;
        });
        assertEquals(Map.of(orphan, T0), db.inTransaction(c -> OrphanTable.seen(c, "n2", List.of(orphan))));
    }

    private String blob(String text) {
        return store.put(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Void version(java.sql.Connection c, String id, String sha) throws java.sql.SQLException {
        DocumentTable.insert(c, new DocumentRow(id, id + ".txt", "ann", "text/plain", 1, sha, "n2", T0, T0, 1, "", "ann"));
        VersionTable.insert(c, id, new VersionInfo(1, sha, 1, "text/plain", "n2", T0, "ann"));
        return null;
    }

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
