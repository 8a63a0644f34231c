package org.syncline.sync;

/**
 * The message catalogue of sync folders. Every name is {@code sync.<verb>}. Any logged-in user may send
 * them; the hub checks the sender's right on the folder named in the body (owner: manage; members: read,
 * write or manage; admins: all). Paths are '/'-separated and relative to the folder.
 */
public final class SyncMessages {
    public static final String CAPABILITY = "sync";
    /** Body: folder. The sender owns the new folder. Answer: a {@link FolderInfo}. */
    public static final String CREATE = "sync.create";
    /** Answer: folders, the {@link FolderInfo}s the sender may read. */
    public static final String LIST = "sync.list";
    /** Body: folder. Answer: the {@link FolderInfo} with the sender's right. Needs read. */
    public static final String INFO = "sync.info";
    /**
     * Body: folder. Answer: right, the sender's right on it (read, write or manage). Needs read. What an agent asks
     * before each pass: {@link #INFO} without its counts, which cost the hub a pass over the folder's files.
     */
    public static final String RIGHT = "sync.right";
    /** Body: folder. Removes the folder, its files, history and trash. Needs manage. */
    public static final String DELETE = "sync.rm";
    /** Body: folder, kind (user or group), subject, right (read, write or manage). Needs manage. */
    public static final String SHARE = "sync.share";
    /** Body: folder, kind, subject. Needs manage. */
    public static final String UNSHARE = "sync.unshare";
    /**
     * Body: folder, prefix. Answer: users and groups, the names (at most {@value #SHARE_NAMES_LIMIT} of each, enabled
     * users only) that start with the prefix: what the share dialog suggests. Needs manage, the right to share.
     */
    public static final String SHARE_NAMES = "sync.share.names";
    public static final int SHARE_NAMES_LIMIT = 20;
    /** Body: folder. Answer: members, a list of {@link FolderMember} (the owner first). Needs read. */
    public static final String MEMBERS = "sync.members";
    /** Body: folder, chunks (SHA-256 list). Answer: missing, those the hub does not hold. Needs write. */
    public static final String CHUNKS_MISSING = "sync.chunks.missing";
    /** Upload of one chunk, deflated. Body: folder, sha256. Needs write. */
    public static final String CHUNK_PUT = "sync.chunk.put";
    /** Download of one chunk of a file in the folder, deflated. Body: folder, sha256. Needs read. */
    public static final String CHUNK_GET = "sync.chunk.get";
    /**
     * Upload of many chunks in one stream, a {@link ChunkPack} (at most {@link ChunkPack#MAX_CHUNKS} chunks of
     * {@link ChunkPack#MAX_BYTES} bytes in all). Body: folder. Answer: stored, how many. Needs write.
     */
    public static final String CHUNKS_PUT = "sync.chunks.put";
    /**
     * Download of many chunks of files in the folder in one stream, a {@link ChunkPack} in the order asked.
     * Body: folder, chunks (SHA-256 list, at most {@link ChunkPack#MAX_CHUNKS}), stored (optional, true when the client
     * reads stored entries; without it every entry comes deflated, as to a client from before them). Needs read.
     */
    public static final String CHUNKS_GET = "sync.chunks.get";
    /** Body: folder, changes (a list of {@link FileChange}), committed whole or not at all. Answer: a {@link CommitResult}. Needs write. */
    public static final String COMMIT = "sync.commit";
    /**
     * Download of the {@link org.syncline.core.delta.Signature} of a stored revision, the basis of a delta.
     * Body: folder, path, revision, strong (optional: bytes of strong hash per block, 2 to 32; default: rsync's
     * choice for the length). Needs read.
     */
    public static final String SIGNATURE = "sync.signature";
    /**
     * Upload of a {@link org.syncline.core.delta.Delta} of a file's new content against the signature of its
     * revision base; the hub rebuilds the file from that revision and the delta, checks size and sha256, stores
     * its chunks and commits it as a put against base (a conflict copy when base is no longer current). The
     * delta may be at most {@link #deltaLimit(long, long)} bytes. Body: folder, path, base, size, sha256.
     * Answer: a {@link CommitResult} of one file. Needs write.
     */
    public static final String DELTA = "sync.delta";
    /**
     * Download of the {@link org.syncline.core.delta.Delta} of revision {@code revision} of {@code path} against the
     * sender's {@link org.syncline.core.delta.Signature} of its own copy (the receiving side of {@link #DELTA}).
     * Body: folder, path, revision, signature (its wire form, base64, at most {@link #DELTA_GET_MAX_SIGNATURE}
     * bytes before encoding). Answer: literal, copied and bytes, what the delta held. Needs read.
     */
    public static final String DELTA_GET = "sync.delta.get";
    /** The largest signature a {@link #DELTA_GET} carries (files up to about 100 GiB at rsync's block sizes); larger files come by chunks. */
    public static final int DELTA_GET_MAX_SIGNATURE = 8 * 1024 * 1024;
    /**
     * Body: folder, path, revision, and from (the index of the first chunk wanted) with limit (at most
     * {@link #FILE_CHUNKS_PAGE}). Answer: chunks, the revision's {@link org.syncline.core.chunk.ChunkRef}s in order from
     * there, and more (whether chunks follow). Without from, the whole list in one answer (as the first hubs did). Needs read.
     */
    public static final String FILE_CHUNKS = "sync.file.chunks";
    /** The chunks a {@link #FILE_CHUNKS} page holds at most (~100 bytes of answer each). */
    public static final int FILE_CHUNKS_PAGE = 50_000;
    /**
     * Upload of a file's chunk list ({@link ChunkList}), for a file whose list is more than a commit request may carry;
     * a {@link FileChange} then names the list ({@code chunkList}) instead of carrying it. Body: folder. Answer: list
     * (its name), chunks. The hub keeps it until a commit names it, or its next start. Needs write.
     */
    public static final String CHUNK_LIST_PUT = "sync.chunklist.put";
    /** Files from this size up travel as a delta against their previous revision ({@link #DELTA}). */
    public static final long DELTA_MIN_SIZE = 4L * 1024 * 1024;
    /** Body: folder, cursor (0: from the start). Answer: a {@link ChangePage}. Needs read. */
    public static final String CHANGES_SINCE = "sync.changes.since";
    /**
     * Body: folder, cursor. Answer: the {@link HeadDigest} of the folder's live entries whose current revision came
     * at or before the cursor (the last finished commit at most). A client compares it with its index before it
     * reads the whole file list (a cursor of 0 and every {@link #CHANGES_SINCE} page). Needs read.
     */
    public static final String HEAD_DIGEST = "sync.head.digest";
    /**
     * Body: folder, path (absent: the whole folder), before (a revision number; absent: from the newest), limit (absent:
     * the most a page holds, 10,000 or 8 MiB). Answer: a {@link HistoryPage}: revisions, newest first, and whether more
     * follow (ask again before the last one's number); of the whole folder, its 1,000 newest revisions. Needs read.
     */
    public static final String HISTORY = "sync.history";
    /** Body: folder, path, revision. The old content becomes a new revision. Answer: a {@link Revision}. Needs write. */
    public static final String RESTORE = "sync.restore";
    /**
     * Body: folder, after (a path; absent: from the start), limit (absent: the most a page holds, 25,000 or 8 MiB). Answer: a
     * {@link TrashPage}: the deleted files after that path in path order, whether more follow and, on the first page, how many there are.
     * Needs read.
     */
    public static final String TRASH = "sync.trash";
    /** Body: folder, path. Brings a deleted file back as a new revision. Answer: a {@link Revision}. Needs write. */
    public static final String TRASH_RESTORE = "sync.trash.restore";
    /** Body: user, bytes (0: no limit). Admins only. Answer: a {@link Quota}. */
    public static final String QUOTA_SET = "sync.quota.set";
    /** Body: user (absent: the sender). Answer: a {@link Quota}. Others' quotas are for admins. */
    public static final String QUOTA = "sync.quota";
    /**
     * Body: none. Answer: quotas, a list of {@link Quota}, one per user of the server (0 limit: none), in one
     * request however many users there are (the Users view's column). Admins only.
     */
    public static final String QUOTA_LIST = "sync.quota.list";
    /**
     * Subscribers get {@link #QUOTA_CHANGED} when a user's quota is set and when the space their folders use
     * crosses into or out of their quota; only admins and the user themself receive a user's quota.
     */
    public static final String QUOTA_TOPIC = "sync.quotas";
    /** Body: a {@link Quota} (user, limit, used) as it is now. */
    public static final String QUOTA_CHANGED = "sync.quota.changed";
    /** Subscribers get {@link #CHANGED} for every commit to a folder they may read. */
    public static final String TOPIC = "sync.changes";
    /** Body: folder, cursor (the folder's newest change). */
    public static final String CHANGED = "sync.changed";

    private SyncMessages() {
    }

    /**
     * The most bytes a delta to a file of {@code size} bytes against a basis of {@code basisSize} may take: the
     * file as literals plus room for the instructions (a few bytes per 64 KiB literal, at most one copy per
     * block of at least 700 bytes).
     */
    public static long deltaLimit(long size, long basisSize) {
        return size + size / 1024 + basisSize / 16 + 64 * 1024;
    }
}
