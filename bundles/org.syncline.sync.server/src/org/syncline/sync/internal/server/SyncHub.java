package org.syncline.sync.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import org.syncline.core.ErrorCode;
import org.syncline.core.LimitedInputStream;
import org.syncline.core.Names;
import org.syncline.core.Pages;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.ChunkReader;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.protocol.Grant;
import org.syncline.protocol.Principal;
import org.syncline.protocol.Right;
import org.syncline.store.Database;
import org.syncline.sync.ChangePage;
import org.syncline.sync.CommitResult;
import org.syncline.sync.HeadDigest;
import org.syncline.sync.HistoryPage;
import org.syncline.sync.EntryPath;
import org.syncline.sync.FileChange;
import org.syncline.sync.FolderInfo;
import org.syncline.sync.FolderMember;
import org.syncline.sync.Quota;
import org.syncline.sync.RemoteFile;
import org.syncline.sync.SyncMessages;
import org.syncline.sync.Revision;
import org.syncline.sync.TrashEntry;
import org.syncline.sync.TrashPage;
import org.syncline.sync.internal.server.FileTable.FileRow;
import org.syncline.sync.internal.server.FolderAccess.Checked;
import org.syncline.sync.internal.server.FolderTable.FolderRow;
import org.syncline.sync.internal.server.RevisionTable.RevisionRow;

/**
 * The hub: shared folders, their members, every revision of every file, the trash and the quotas. Chunks
 * live in pack files or a content-addressed blob store ({@link ChunkStorage}); a revision is an ordered list of
 * chunk hashes. Each call checks
 * the sender's right on the folder and runs in one transaction.
 */
final class SyncHub {
    static final int PAGE = 500;
    /** A chunk nobody refers to is kept this long after a client last relied on it (an upload, a "missing?" answer). */
    static final Duration CHUNK_GRACE = Duration.ofHours(1);

    private final Database db;
    private final ChunkStorage chunks;
    private final Duration trashRetention;
    private final Logger log;
    /** Held while commits check that their chunks exist and while the purge deletes chunks, so the two never cross. */
    private final Object chunkGate = new Object();

    SyncHub(Database db, ChunkStorage chunks, Duration trashRetention, Logger log) {
        this.db = db;
        this.chunks = chunks;
        this.trashRetention = trashRetention;
        this.log = log;
    }

    /** A committed change and who may hear of it. */
    record Published<T>(T value, String folder, long cursor, List<Grant> audience) {
    }

    FolderInfo create(Principal p, String name) {
        String checked = Names.requireFileName(name, "folder");
        return db.inTransaction(c -> {
            if (FolderTable.find(c, checked).isPresent()) {
                throw new SynclineException(ErrorCode.ALREADY_EXISTS, "A folder '" + Names.printable(checked) + "' exists already; choose another name.");
            }
            FolderRow f = FolderTable.insert(c, checked, p.name(), now());
            return info(c, f, Right.MANAGE);
        });
    }

    List<FolderInfo> list(Principal p) {
        return db.inTransaction(c -> {
            List<FolderInfo> out = new ArrayList<>();
            for (FolderRow f : FolderTable.all(c)) {
                Right r = FolderAccess.strongest(p, FolderTable.grants(c, f));
                if (r != null) {
                    out.add(info(c, f, r));
                }
            }
            return out;
        });
    }

    FolderInfo info(Principal p, String folder) {
        return db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, Right.READ);
            return info(c, f.folder(), f.right());
        });
    }

    /** The principal's right on the folder (at least read, or the folder is not found for it). */
    Right right(Principal p, String folder) {
        return db.inTransaction(c -> FolderAccess.require(c, p, folder, Right.READ).right());
    }

    Published<String> delete(Principal p, String folder) {
        return db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, Right.MANAGE);
            FolderTable.delete(c, f.folder().id());
            return new Published<>(folder, folder, 0, f.grants());
        });
    }

    List<FolderMember> share(Principal p, String folder, Grant grant, boolean subjectExists) {
        if (!subjectExists) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "There is no " + FolderTable.kind(grant.kind()) + " '" + Names.printable(grant.subject())
                    + "'; check the name with 'user list' or 'group list'.");
        }
        return db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, Right.MANAGE);
            if (grant.kind() == Grant.Kind.USER && grant.subject().equals(f.folder().owner())) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "'" + grant.subject() + "' owns folder '" + folder + "' and may do everything in it already.");
            }
            FolderTable.putMember(c, f.folder().id(), grant);
            return members(c, f.folder());
        });
    }

    List<FolderMember> unshare(Principal p, String folder, Grant.Kind kind, String subject) {
        return db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, Right.MANAGE);
            if (FolderTable.removeMember(c, f.folder().id(), kind, subject) == 0) {
                throw new SynclineException(ErrorCode.NOT_FOUND, "Folder '" + folder + "' is not shared with " + FolderTable.kind(kind) + " '"
                        + Names.printable(subject) + "'; 'folder members " + folder + "' lists its members.");
            }
            return members(c, f.folder());
        });
    }

    List<FolderMember> members(Principal p, String folder) {
        return db.inTransaction(c -> members(c, FolderAccess.require(c, p, folder, Right.READ).folder()));
    }

    /** Which of the hashes the hub lacks; those it holds are marked as relied on, so the purge keeps them. */
    List<String> missing(Principal p, String folder, List<String> hashes) {
        for (String h : hashes) {
            requireSha(h);
        }
        return db.inTransaction(c -> {
            FolderAccess.require(c, p, folder, Right.WRITE);
            java.util.Set<String> held = chunks.held(c, hashes);
            ChunkTable.touch(c, held, now());
            return hashes.stream().filter(h -> !held.contains(h)).distinct().toList();
        });
    }

    /** Stores one chunk (already inflated by the caller), verified against its hash. */
    void putChunk(Principal p, String folder, String sha, InputStream content) {
        requireSha(sha);
        db.inTransaction(c -> FolderAccess.require(c, p, folder, Right.WRITE));
        chunks.blobs().put(new LimitedInputStream(content, ChunkReader.MAX_SIZE, "a chunk is at most " + ChunkReader.MAX_SIZE + " bytes"), sha);
        long size = chunks.blobs().size(sha);
        db.inTransaction(c -> {
            ChunkTable.touch(c, sha, (int) size, now());
            return null;
        });
    }

    /** Opens a chunk of a file of the folder for reading. */
    InputStream openChunk(Principal p, String folder, String sha) {
        requireSha(sha);
        db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, Right.READ);
            if (!RevisionTable.folderHasChunk(c, f.folder().id(), sha)) {
                throw new SynclineException(ErrorCode.NOT_FOUND, "No file of folder '" + folder + "' has chunk " + sha + ".");
            }
            return null;
        });
        return chunks.open(sha);
    }

    /**
     * Commits the change set whole or not at all. A change made against a revision that is no longer the
     * current one keeps both: the sender's content becomes a conflict copy, a delete keeps the newer content.
     */
    Published<CommitResult> commit(Principal p, String folder, List<FileChange> changes) {
        if (changes.isEmpty()) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "A commit needs at least one change.");
        }
        synchronized (chunkGate) {
            return db.inTransaction(c -> {
                Checked f = FolderAccess.require(c, p, folder, Right.WRITE);
                long before = usageUnderQuota(c, f.folder().owner());
                long seq = nextSeq(c);
                long folderBefore = FolderTable.changedAt(c, f.folder().id(), seq);
                Instant now = now();
                Commit commit = new Commit(c, f.folder(), p.name(), seq, now, new Commit.ChunkCheck() {
                    @Override
                    public void require(Connection cc, String sha) throws SQLException {
                        requireStored(cc, sha);
                    }

                    @Override
                    public java.util.Set<String> held(Connection cc, List<String> shas) throws SQLException {
                        return chunks.heldAtCommit(cc, shas); // under the chunk gate
                    }
                }).prepared(changes);
                List<CommitResult.Committed> done = new ArrayList<>();
                for (FileChange change : changes) {
                    done.add(commit.apply(change));
                }
                commit.finish();
                checkQuota(c, f.folder().owner(), before);
                return new Published<>(new CommitResult(done, seq, folderBefore), folder, seq, f.grants());
            });
        }
    }

    ChangePage changesSince(Principal p, String folder, long cursor) {
        return db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, Right.READ);
            List<RemoteFile> files = new ArrayList<>();
            long last = cursor;
            // Derby reads are not a snapshot: a scan can pass a row, then a commit moves that row to a new seq while
            // the scan waits on another row of the same commit, and the page would carry that commit's other rows
            // and a cursor past the one it missed, for ever. Reading the last committed seq first waits for a
            // running commit; rows past it are left to the next page, and a row the scan saw at or below it is
            // either as committed then or moved past it by a later commit, which a later page carries.
            long committed = committedSeq(c);
            // Where the page ends is read from the seq index alone, then the rows of the whole commits up to there at
            // once: reading a page's rows first read every commit of more than PAGE files (an agent commits up to
            // 1,000) twice, the rows the page cut, then the commit's rows again.
            List<Long> seqs = FileTable.seqsSince(c, f.folder().id(), cursor, committed, PAGE);
            boolean more = seqs.size() == PAGE;
            long upTo = committed;
            if (more) {
                // The cursor is a commit's seq, so a page ends at a commit boundary: a page cut inside a commit
                // would move the cursor past the files of that commit it did not carry. A commit larger than the
                // page comes whole.
                long lastSeq = seqs.get(seqs.size() - 1);
                upTo = seqs.get(0) != lastSeq ? lastSeq - 1 : lastSeq;
            }
            List<FileTable.Current> rows = seqs.isEmpty() ? List.of() : FileTable.changedSince(c, f.folder().id(), cursor, upTo);
            for (FileTable.Current current : rows) {
                FileRow row = current.file();
                RevisionRow r = current.revision();
                // a large file's list (~100 KB per 100 MiB) comes only to a client that needs it (sync.file.chunks)
                List<ChunkRef> list = r.deleted() || r.size() >= SyncMessages.DELTA_MIN_SIZE ? List.of()
                        : RevisionTable.chunks(c, r);
                files.add(new RemoteFile(row.path(), r.number(), r.deleted(), r.size(), r.deleted() ? "" : r.sha256(), list, r.author(), r.created(), row.seq()));
                last = row.seq();
            }
            return new ChangePage(files, last, more);
        });
    }

    /**
     * The fingerprint of the live entries whose current revision came at or before {@code cursor}. A row a running
     * commit moves past it is left out, so a race only makes the client read the whole list, never skip it wrongly.
     */
    HeadDigest headDigest(Principal p, String folder, long cursor) {
        return db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, Right.READ);
            long upTo = Math.min(cursor, committedSeq(c));
            HeadDigest.Sum sum = new HeadDigest.Sum();
            FileTable.eachCurrent(c, f.folder().id(), upTo, sum::add);
            return sum.at(upTo);
        });
    }

    List<ChunkRef> fileChunks(Principal p, String folder, String path, long number) {
        return db.inTransaction(c -> RevisionTable.chunks(c, withContent(c, p, folder, path, number)));
    }

    /** The revision, after checking that {@code p} may read the folder and that it has content. */
    private RevisionRow withContent(Connection c, Principal p, String folder, String path, long number) throws SQLException {
        Checked f = FolderAccess.require(c, p, folder, Right.READ);
        FileRow file = file(c, f, path);
        return RevisionTable.find(c, file.id(), number).filter(x -> !x.deleted()).orElseThrow(() -> new SynclineException(
                ErrorCode.NOT_FOUND, "'" + Names.printable(file.path()) + "' has no revision " + number + " with content."));
    }

    /** A page of a revision's chunk list: at most {@code limit} from index {@code from}, and whether more follow. */
    Pages.Page<ChunkRef> fileChunks(Principal p, String folder, String path, long number, long from, int limit) {
        if (from < 0 || limit < 1) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A page of chunks starts at 0 or later and holds at least 1, not from "
                    + from + " limit " + limit + ".");
        }
        return db.inTransaction(c -> {
            List<ChunkRef> rows = RevisionTable.chunks(c, withContent(c, p, folder, path, number), from, limit + 1);
            return new Pages.Page<>(rows.subList(0, Math.min(limit, rows.size())), rows.size() > limit);
        });
    }

    /** Refuses unless {@code p} may write to the folder. */
    void requireWrite(Principal p, String folder) {
        db.inTransaction(c -> FolderAccess.require(c, p, folder, Right.WRITE));
    }

    /** The newest revisions of the whole folder a history of it (no path) lists. */
    static final int FOLDER_HISTORY = 1000;
    /** Revisions a page of one file's history holds at most (and at most {@link Pages#REPLY_BYTES} of reply). */
    static final int HISTORY_PAGE = 10_000;

    /**
     * A page of history, newest first: of one file, its revisions numbered below {@code before} (0: from the newest), at
     * most {@code limit} and a page; of the whole folder ({@code path} null), its {@link #FOLDER_HISTORY} newest.
     */
    HistoryPage history(Principal p, String folder, String path, long before, int limit) {
        if (limit < 1) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A history page holds at least 1 revision, not " + limit + ".");
        }
        return db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, Right.READ);
            if (path == null) {
                return new HistoryPage(RevisionTable.ofFolder(c, f.folder().id(), FOLDER_HISTORY).stream().map(r -> revision(r.path(), r.revision()))
                        .toList(), false);
            }
            FileRow file = file(c, f, path);
            int wanted = Math.min(limit, HISTORY_PAGE);
            List<RevisionRow> rows = RevisionTable.of(c, file.id(), before <= 0 ? Long.MAX_VALUE : before, wanted + 1);
            // every revision names the path again
            Pages.Page<Revision> page = Pages.cut(rows, wanted, r -> revision(file.path(), r), r -> Pages.pathEntryBytes(file.path().length()));
            return new HistoryPage(page.items(), page.more());
        });
    }

    /** The content of {@code number} becomes the file's next revision. */
    Published<Revision> restore(Principal p, String folder, String path, long number) {
        return db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, Right.WRITE);
            FileRow file = file(c, f, path);
            RevisionRow old = RevisionTable.find(c, file.id(), number).filter(r -> !r.deleted()).orElseThrow(() -> new SynclineException(
                    ErrorCode.NOT_FOUND, "'" + path + "' has no revision " + number + " with content; 'folder history " + folder + " " + path
                            + "' lists its revisions."));
            return republish(c, p, f, file, old);
        });
    }

    /**
     * Files a trash page holds at most; the client asks again after the last one. Large: each page sorts the rest of
     * the trash by path (no index can hold paths of 4,096 characters), so fewer pages cost less.
     */
    static final int TRASH_PAGE = 25_000;

    /**
     * The folder's deleted files after {@code afterPath} ("" from the start) in path order, at most {@code limit} (and
     * {@link #TRASH_PAGE}) of them; the first page ({@code afterPath} "") with how many the trash holds.
     */
    TrashPage trash(Principal p, String folder, String afterPath, int limit) {
        if (limit < 1) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A trash page holds at least 1 file, not " + limit + ".");
        }
        int wanted = Math.min(limit, TRASH_PAGE);
        return db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, Right.READ);
            String after = afterPath == null ? "" : afterPath;
            Pages.Page<TrashEntry> page = Pages.cut(FileTable.trash(c, f.folder().id(), after, wanted + 1), wanted, row -> {
                FileRow file = row.file();
                return new TrashEntry(file.path(), file.revision(), row.revision().size(), row.revision().author(), file.deletedAt(),
                        file.deletedAt().plus(trashRetention));
            }, row -> Pages.pathEntryBytes(row.file().path().length()));
            // counted once, on the first page: a later page's count would cost a scan of the trash again
            long total = after.isEmpty() ? FileTable.trashCount(c, f.folder().id()) : -1;
            return new TrashPage(page.items(), total, page.more());
        });
    }

    Published<Revision> restoreFromTrash(Principal p, String folder, String path) {
        return db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, Right.WRITE);
            FileRow file = file(c, f, path);
            if (!file.deleted()) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "'" + path + "' is not in the trash of folder '" + folder + "'.");
            }
            RevisionRow old = RevisionTable.lastContent(c, file.id()).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND,
                    "'" + path + "' has no content to restore."));
            return republish(c, p, f, file, old);
        });
    }

    Quota setQuota(String user, long bytes) {
        if (bytes < 0) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A quota is a number of bytes (0: no limit), not " + bytes + ".");
        }
        return db.inTransaction(c -> {
            QuotaTable.set(c, user, bytes);
            return new Quota(user, bytes, FileTable.usage(c, user));
        });
    }

    Quota quota(Principal p, String user) {
        if (!user.equals(p.name()) && !p.isAdmin()) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "Only administrators may see another user's quota.");
        }
        return db.inTransaction(c -> new Quota(user, QuotaTable.limit(c, user), FileTable.usage(c, user)));
    }

    /** The quota and usage of each of {@code users}, in two queries however many they are (for admins: the caller checks). */
    List<Quota> quotas(List<String> users) {
        return db.inTransaction(c -> {
            java.util.Map<String, Long> limits = QuotaTable.all(c);
            java.util.Map<String, Long> usage = FileTable.usageByOwner(c);
            return users.stream().map(u -> new Quota(u, limits.getOrDefault(u, 0L), usage.getOrDefault(u, 0L))).toList();
        });
    }

    /** {@code user}'s quota and usage now, for the hub's own pushes (no sender to check). */
    Quota quotaOf(String user) {
        return db.inTransaction(c -> new Quota(user, QuotaTable.limit(c, user), FileTable.usage(c, user)));
    }

    /** The users who have a quota now. */
    List<String> usersWithQuota() {
        return db.inTransaction(QuotaTable::users);
    }

    /** Who owns {@code folder}, if it exists. */
    Optional<String> ownerOf(String folder) {
        return db.inTransaction(c -> FolderTable.find(c, folder).map(FolderRow::owner));
    }

    /** Removes files that stayed in the trash past the retention, then chunks no revision refers to any more. */
    int purge(Instant now) {
        int files = db.inTransaction(c -> {
            Instant before = now.minus(trashRetention);
            int gone = 0;
            for (FileRow f : FileTable.deletedBefore(c, before)) {
                gone += FileTable.deleteExpired(c, f.id(), before) ? 1 : 0;
            }
            return gone;
        });
        synchronized (chunkGate) {
            List<PackFiles.Slot> unreferenced = db.inTransaction(c -> {
                List<PackFiles.Slot> freed = ChunkTable.unreferenced(c, now.minus(CHUNK_GRACE));
                for (PackFiles.Slot s : freed) {
                    ChunkTable.delete(c, s.sha256());
                }
                return freed;
            });
            // after the commit: a crash in between leaves an unlisted blob or pack (removed at start), never a listed
            // chunk without bytes
            chunks.release(unreferenced);
            if (files > 0 || !unreferenced.isEmpty()) {
                log.info("Sync trash purge: " + files + " file(s) past " + trashRetention.toDays() + " days, " + unreferenced.size() + " chunk(s) freed");
            }
        }
        return files;
    }

    private Published<Revision> republish(Connection c, Principal p, Checked f, FileRow file, RevisionRow old) throws SQLException {
        long before = usageUnderQuota(c, f.folder().owner());
        long seq = nextSeq(c);
        FolderTable.changedAt(c, f.folder().id(), seq);
        RevisionRow r = new RevisionRow(file.id(), file.revision() + 1, p.name(), now(), old.size(), old.sha256(), false, seq);
        RevisionTable.insert(c, r, RevisionTable.chunks(c, old));
        FileTable.update(c, file.id(), r.number(), false, null, r.size(), seq);
        checkQuota(c, f.folder().owner(), before);
        return new Published<>(revision(file.path(), r), f.folder().name(), seq, f.grants());
    }

    /**
     * What the owner's folders hold before a change, or -1 when the owner has no quota: the sum reads every file
     * row of the owner, twice a commit, which a folder of 100,000 files without a quota need not pay.
     */
    private static long usageUnderQuota(Connection c, String owner) throws SQLException {
        return QuotaTable.limit(c, owner) > 0 ? FileTable.usage(c, owner) : -1;
    }

    /** {@code before}: from {@link #usageUnderQuota}; a quota set while the change ran counts from the next change. */
    private void checkQuota(Connection c, String owner, long before) throws SQLException {
        if (before < 0) {
            return;
        }
        long limit = QuotaTable.limit(c, owner);
        long after = FileTable.usage(c, owner);
        if (limit > 0 && after > limit && after > before) {
            throw new SynclineException(ErrorCode.QUOTA_EXCEEDED, "This change would put the folders of '" + owner + "' at " + after
                    + " bytes, over their quota of " + limit + " bytes; delete files (and empty the trash) or ask an administrator for more.");
        }
    }

    private void requireStored(Connection c, String sha) throws SQLException {
        if (!chunks.holds(c, sha)) {
            throw new SynclineException(ErrorCode.INTEGRITY, "The hub lacks chunk " + sha + "; upload it (sync.chunk.put) and commit again.");
        }
    }

    private static FileRow file(Connection c, Checked f, String path) throws SQLException {
        String checked = EntryPath.normalize(path);
        return FileTable.find(c, f.folder().id(), checked).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND,
                "Folder '" + f.folder().name() + "' has no file '" + Names.printable(checked) + "'."));
    }

    private static List<FolderMember> members(Connection c, FolderRow f) throws SQLException {
        return FolderTable.grants(c, f).stream()
                .map(g -> new FolderMember(g.kind().name().toLowerCase(Locale.ROOT), g.subject(), g.right().word())).toList();
    }

    private static FolderInfo info(Connection c, FolderRow f, Right r) throws SQLException {
        return new FolderInfo(f.name(), f.owner(), f.created(), r.word(), FileTable.count(c, f.id()), FileTable.bytes(c, f.id()));
    }

    static Revision revision(String path, RevisionRow r) {
        return new Revision(path, r.number(), r.author(), r.created(), r.size(), r.deleted() ? "" : r.sha256(), r.deleted());
    }

    /** The seq of the last committed change set (waits while a commit holds the sequence). */
    static long committedSeq(Connection c) throws SQLException {
        return Sql.number(c, "SELECT seq FROM sync_sequence WHERE id = 1");
    }

    static long nextSeq(Connection c) throws SQLException {
        Sql.update(c, "UPDATE sync_sequence SET seq = seq + 1 WHERE id = 1");
        return Sql.number(c, "SELECT seq FROM sync_sequence WHERE id = 1");
    }

    static String requireSha(String sha) {
        if (!Sha256.isHex(sha)) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "A chunk is named by 64 lower-case hex digits of SHA-256, not '"
                    + Names.printable(String.valueOf(sha)) + "'.");
        }
        return sha;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
