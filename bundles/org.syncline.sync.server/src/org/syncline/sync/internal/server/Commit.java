package org.syncline.sync.internal.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.syncline.core.ErrorCode;
import org.syncline.core.RelativePath;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.core.filename.ConflictName;
import org.syncline.sync.CommitResult.Committed;
import org.syncline.sync.EntryPath;
import org.syncline.sync.FileChange;
import org.syncline.sync.internal.server.FileTable.FileRow;
import org.syncline.sync.internal.server.FolderTable.FolderRow;
import org.syncline.sync.internal.server.RevisionTable.RevisionRow;

/**
 * Applies the changes of one commit inside its transaction. Nothing is overwritten silently: content sent
 * against a revision that is no longer current goes to a conflict copy, a stale delete keeps the file.
 * Sending the same content again (a retry after a lost answer) changes nothing.
 */
final class Commit {
    @FunctionalInterface
    interface ChunkCheck {
        void require(Connection c, String sha) throws SQLException;

        /** Which of the chunks are stored, asked for many at once; those left out go through {@link #require}. */
        default Set<String> held(Connection c, List<String> shas) throws SQLException {
            return Set.of();
        }
    }

    private final Connection c;
    private final FolderRow folder;
    private final String user;
    private final long seq;
    private final Instant now;
    private final ChunkCheck stored;
    /** Chunks known to be stored (looked up for the whole change set at once), or empty. */
    private Set<String> held = Set.of();
    /** The revisions of a {@link #prepared} commit, written in batches before any read of them and at {@link #finish}. */
    private RevisionTable.Pending pending;
    /** New paths of a {@link #prepared} commit whose rows wait for one batch (their revisions need the rows' ids). */
    private final Map<String, NewFile> newFiles = new LinkedHashMap<>();

    /** A new path's first revision, waiting for its row. */
    private record NewFile(String path, long size, String sha256, List<ChunkRef> chunks) {
    }

    Commit(Connection c, FolderRow folder, String user, long seq, Instant now, ChunkCheck stored) {
        this.c = c;
        this.folder = folder;
        this.user = user;
        this.seq = seq;
        this.now = now;
        this.stored = stored;
    }

    /**
     * Looks up, many to a statement, which of the change set's chunks are stored, and from then on writes revisions
     * in JDBC batches: call {@link #finish} after the last change.
     */
    Commit prepared(List<FileChange> changes) throws SQLException {
        Set<String> shas = new LinkedHashSet<>();
        for (FileChange change : changes) {
            if (change.chunks() != null && !FileChange.DELETE.equals(change.op())) {
                change.chunks().stream().map(ChunkRef::sha256).filter(Sha256::isHex).forEach(shas::add);
            }
        }
        held = stored.held(c, List.copyOf(shas));
        pending = new RevisionTable.Pending();
        return this;
    }

    /** Writes what a {@link #prepared} commit still holds back; the transaction may end after this. */
    void finish() throws SQLException {
        flush();
    }

    Committed apply(FileChange change) throws SQLException {
        String path = EntryPath.normalize(change.path());
        if (EntryPath.isDirectory(path) && (FileChange.RENAME.equals(change.op())
                || FileChange.PUT.equals(change.op()) && (change.size() != 0 || !EntryPath.EMPTY_SHA256.equals(change.sha256())))) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "'" + path + "' names a directory: it may be put empty (0 bytes) or deleted, not renamed"
                    + " or given content.");
        }
        return switch (String.valueOf(change.op())) {
            case FileChange.PUT -> put(path, change);
            case FileChange.DELETE -> delete(path, change.base());
            case FileChange.RENAME -> rename(path, change);
            default -> throw new SynclineException(ErrorCode.BAD_REQUEST, "A change is 'put', 'delete' or 'rename', not '" + change.op() + "'.");
        };
    }

    private Committed put(String path, FileChange change) throws SQLException {
        List<ChunkRef> chunks = content(change);
        FileRow f = find(path);
        if (f != null && !f.deleted()) {
            flush();
            RevisionRow current = RevisionTable.find(c, f.id(), f.revision()).orElseThrow();
            if (change.sha256().equals(current.sha256())) {
                return new Committed(path, path, f.revision(), false, false, false);
            }
            if (f.revision() != change.base()) {
                String copy = conflictPath(path);
                FileRow cf = FileTable.insert(c, folder.id(), copy);
                write(cf, change, chunks);
                return new Committed(copy, path, 1, false, true, false);
            }
        }
        if (f == null) {
            if (pending != null) {
                newFiles.put(path, new NewFile(path, change.size(), change.sha256(), chunks));
            } else {
                long id = FileTable.insertCurrent(c, folder.id(), path, change.size(), seq);
                insert(new RevisionRow(id, 1, user, now, change.size(), change.sha256(), false, seq), chunks);
            }
            return new Committed(path, path, 1, false, false, false);
        }
        return new Committed(path, path, write(f, change, chunks), false, false, false);
    }

    private Committed delete(String path, long base) throws SQLException {
        FileRow f = find(path);
        if (f == null || f.deleted()) {
            return new Committed(path, path, f == null ? 0 : f.revision(), true, false, false);
        }
        if (f.revision() != base) {
            return new Committed(path, path, f.revision(), false, false, true);
        }
        long number = f.revision() + 1;
        flush();
        RevisionRow current = RevisionTable.find(c, f.id(), f.revision()).orElseThrow();
        insert(new RevisionRow(f.id(), number, user, now, current.size(), null, true, seq), List.of());
        FileTable.update(c, f.id(), number, true, now, 0, seq);
        return new Committed(path, path, number, true, false, false);
    }

    /** The old path goes (unless it changed since the base), the content arrives at the new one. */
    private Committed rename(String path, FileChange change) throws SQLException {
        String to = RelativePath.parse(String.valueOf(change.newPath())).toString();
        delete(path, change.base());
        return put(to, FileChange.put(to, 0, change.size(), change.sha256(), change.chunks()));
    }

    private long write(FileRow f, FileChange change, List<ChunkRef> chunks) throws SQLException {
        long number = f.revision() + 1;
        insert(new RevisionRow(f.id(), number, user, now, change.size(), change.sha256(), false, seq), chunks);
        FileTable.update(c, f.id(), number, false, null, change.size(), seq);
        return number;
    }

    private FileRow find(String path) throws SQLException {
        if (newFiles.containsKey(path)) {
            flush(); // a path this commit made is changed again: its row must be there to be read
        }
        return FileTable.find(c, folder.id(), path).orElse(null);
    }

    private void insert(RevisionRow r, List<ChunkRef> chunks) throws SQLException {
        if (pending == null) {
            RevisionTable.insert(c, r, chunks);
        } else {
            pending.add(r, chunks);
        }
    }

    private void flush() throws SQLException {
        if (pending == null) {
            return;
        }
        if (!newFiles.isEmpty()) {
            // the rows in one batch (an insert returning its key cost a statement and a result set per file), then
            // their ids in one read of this commit's rows
            Map<String, Long> ids = FileTable.insertCurrent(c, folder.id(), newFiles.values().stream()
                    .map(n -> new FileTable.NewRow(n.path(), n.size())).toList(), seq);
            for (NewFile n : newFiles.values()) {
                pending.add(new RevisionRow(ids.get(n.path()), 1, user, now, n.size(), n.sha256(), false, seq), n.chunks());
            }
            newFiles.clear();
        }
        pending.flush(c);
    }

    private String conflictPath(String path) throws SQLException {
        for (int attempt = 1;; attempt++) {
            String copy = ConflictName.ofPath(path, user, now, attempt);
            if (find(copy) == null) {
                return copy;
            }
        }
    }

    /** The chunk list must add up to the size and every chunk must be stored. */
    private List<ChunkRef> content(FileChange change) throws SQLException {
        if (!Sha256.isHex(change.sha256())) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "A put of '" + change.path() + "' needs the file's SHA-256.");
        }
        List<ChunkRef> chunks = change.chunks() == null ? List.of() : change.chunks();
        long total = 0;
        for (ChunkRef r : chunks) {
            SyncHub.requireSha(r.sha256());
            if (!held.contains(r.sha256())) {
                stored.require(c, r.sha256());
            }
            total += r.length();
        }
        if (total != change.size()) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "The chunks of '" + change.path() + "' add up to " + total + " bytes, not its size "
                    + change.size() + ".");
        }
        return chunks;
    }
}
