package org.syncline.sync.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterOutputStream;

import org.syncline.core.Pages;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.core.delta.Signature;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ProtocolConstants;
import org.syncline.protocol.ServerHello;
import org.syncline.sync.ChangePage;
import org.syncline.sync.ChunkList;
import org.syncline.sync.ChunkPack;
import org.syncline.sync.CommitResult;
import org.syncline.sync.HeadDigest;
import org.syncline.sync.HistoryPage;
import org.syncline.sync.FileChange;
import org.syncline.sync.FolderInfo;
import org.syncline.sync.FolderMember;
import org.syncline.sync.Quota;
import org.syncline.protocol.ShareNames;
import org.syncline.sync.Revision;
import org.syncline.sync.SyncMessages;
import org.syncline.sync.TrashEntry;
import org.syncline.sync.TrashPage;

/**
 * Sync folders over a {@link Connection}: folders and members, chunks (deflated on the wire), commits, catch-up
 * and history. Every call is checked on the hub against the caller's right on the folder.
 */
public final class SyncClient {
    private final Connection connection;

    public SyncClient(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    public FolderInfo create(String folder) {
        return Json.read(connection.request(SyncMessages.CREATE, Json.object("folder", folder)), FolderInfo.class);
    }

    public List<FolderInfo> list() {
        return connection.request(SyncMessages.LIST, Json.object()).list("folders", FolderInfo.class);
    }

    public FolderInfo info(String folder) {
        return Json.read(connection.request(SyncMessages.INFO, Json.object("folder", folder)), FolderInfo.class);
    }

    /** The sender's right on the folder: read, write or manage. */
    public String right(String folder) {
        return connection.request(SyncMessages.RIGHT, Json.object("folder", folder)).string("right");
    }

    public void delete(String folder) {
        connection.request(SyncMessages.DELETE, Json.object("folder", folder));
    }

    /** Grants {@link FolderMember#USER} or {@link FolderMember#GROUP} {@code subject} "read", "write" or "manage". */
    public List<FolderMember> share(String folder, String kind, String subject, String right) {
        return connection.request(SyncMessages.SHARE, Json.object("folder", folder, "kind", kind, "subject", subject, "right", right))
                .list("members", FolderMember.class);
    }

    public List<FolderMember> unshare(String folder, String kind, String subject) {
        return connection.request(SyncMessages.UNSHARE, Json.object("folder", folder, "kind", kind, "subject", subject))
                .list("members", FolderMember.class);
    }

    /** The user and group names starting with {@code prefix} that a member with the manage right may share {@code folder} with. */
    public ShareNames shareNames(String folder, String prefix) {
        return Json.read(connection.request(SyncMessages.SHARE_NAMES, Json.object("folder", folder, "prefix", prefix)), ShareNames.class);
    }

    public List<FolderMember> members(String folder) {
        return connection.request(SyncMessages.MEMBERS, Json.object("folder", folder)).list("members", FolderMember.class);
    }

    /** Which of {@code chunks} the hub lacks. */
    public List<String> missingChunks(String folder, List<String> chunks) {
        return connection.request(SyncMessages.CHUNKS_MISSING, Json.object("folder", folder, "chunks", chunks)).list("missing", String.class);
    }

    /** Sends one chunk, deflated; returns the bytes that went over the wire. */
    public long putChunk(String folder, String sha256, byte[] data) {
        byte[] deflated = deflate(data);
        connection.upload(SyncMessages.CHUNK_PUT, Json.object("folder", folder, "sha256", sha256), new ByteArrayInputStream(deflated));
        return deflated.length;
    }

    /** Writes the chunk's bytes (inflated) to {@code sink}. */
    public void getChunk(String folder, String sha256, OutputStream sink) {
        try (InflaterOutputStream inflating = new InflaterOutputStream(new NonClosing(sink))) {
            connection.download(SyncMessages.CHUNK_GET, Json.object("folder", folder, "sha256", sha256), inflating);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a {@link ChunkPack} the caller wrote (many chunks, one request); returns how many the hub stored. */
    public long putChunks(String folder, byte[] pack, int length) {
        return connection.upload(SyncMessages.CHUNKS_PUT, Json.object("folder", folder), new ByteArrayInputStream(pack, 0, length))
                .number("stored");
    }

    /** Fetches the chunks in one stream and hands each to {@code sink}, checked against its hash, in the order asked. */
    public void getChunks(String folder, List<String> sha256s, ChunkPack.Sink sink) {
        ChunkPack.Unpacking unpacking = new ChunkPack.Unpacking(sha256s, sink);
        try (unpacking) {
            connection.download(SyncMessages.CHUNKS_GET, Json.object("folder", folder, "chunks", sha256s, "stored", true), unpacking);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CommitResult commit(String folder, List<FileChange> changes) {
        return Json.read(connection.request(SyncMessages.COMMIT, Json.object("folder", folder, "changes", changes)), CommitResult.class);
    }

    /**
     * The signature of revision {@code revision} of {@code path} as the hub holds it; {@code strong} bytes of
     * strong hash per block (2 to 32), or -1 for the hub's choice. It holds a few bytes per block of the file
     * ({@link Signature#wireSize()} of them came over the wire).
     */
    public Signature signature(String folder, String path, long revision, int strong) {
        Map<String, Object> body = Json.object("folder", folder, "path", path, "revision", revision);
        if (strong > 0) {
            body.put("strong", strong);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        connection.download(SyncMessages.SIGNATURE, body, bytes);
        try {
            return Signature.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code delta} (a {@link org.syncline.core.delta.Delta} against the signature of revision {@code base})
     * for the hub to rebuild {@code path} of {@code size} bytes and {@code sha256} and commit it.
     */
    public CommitResult putDelta(String folder, String path, long base, long size, String sha256, InputStream delta) {
        return Json.read(connection.upload(SyncMessages.DELTA, Json.object("folder", folder, "path", path, "base", base, "size", size,
                "sha256", sha256), delta), CommitResult.class);
    }

    /**
     * Writes to {@code sink} the {@link org.syncline.core.delta.Delta} of revision {@code revision} of {@code path}
     * against {@code basis}, the signature of the caller's own copy (sent base64); returns the bytes of signature sent.
     */
    public long getDelta(String folder, String path, long revision, Signature basis, OutputStream sink) {
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        try {
            basis.write(wire);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String signature = java.util.Base64.getEncoder().encodeToString(wire.toByteArray());
        connection.download(SyncMessages.DELTA_GET, Json.object("folder", folder, "path", path, "revision", revision, "signature", signature),
                sink);
        return signature.length();
    }

    /**
     * The largest request the hub accepts (its {@code --max-frame}, at most the protocol's default, which is also the
     * largest reply this client reads): a commit larger than that would close the connection.
     */
    public int largestRequest() {
        ServerHello hello = connection.server();
        return hello == null ? ProtocolConstants.DEFAULT_MAX_FRAME : Math.min(ProtocolConstants.DEFAULT_MAX_FRAME, hello.maxFrame());
    }

    /** The chunks of a revision, in order (a {@link RemoteFile} of a large file leaves them out), read in pages. */
    public List<ChunkRef> fileChunks(String folder, String path, long revision) {
        return fileChunks(folder, path, revision, SyncMessages.FILE_CHUNKS_PAGE);
    }

    /** {@link #fileChunks(String, String, long)} asking {@code page} chunks at a time. */
    public List<ChunkRef> fileChunks(String folder, String path, long revision, int page) {
        record Page(long from, List<ChunkRef> chunks, boolean more) {
        }
        // an older hub answers the whole list without "more"
        return Pages.readPages(0L, from -> {
            JsonObject answer = connection.request(SyncMessages.FILE_CHUNKS, Json.object("folder", folder, "path", path, "revision", revision,
                    "from", from, "limit", (long) page));
            return new Page(from, answer.list("chunks", ChunkRef.class), answer.optBool("more", false));
        }, Page::chunks, Page::more, p -> p.from() + p.chunks().size());
    }

    /**
     * Sends a file's chunk list ahead of the commit that names it ({@link FileChange#withChunkList}), for a list
     * longer than a commit request may carry; returns its name.
     */
    public String putChunkList(String folder, List<ChunkRef> chunks) {
        return connection.upload(SyncMessages.CHUNK_LIST_PUT, Json.object("folder", folder), new ByteArrayInputStream(ChunkList.write(chunks)))
                .string("list");
    }

    public ChangePage changesSince(String folder, long cursor) {
        return Json.read(connection.request(SyncMessages.CHANGES_SINCE, Json.object("folder", folder, "cursor", cursor)), ChangePage.class);
    }

    /** The fingerprint of the folder's head at {@code cursor} ({@link SyncMessages#HEAD_DIGEST}). */
    public HeadDigest headDigest(String folder, long cursor) {
        return Json.read(connection.request(SyncMessages.HEAD_DIGEST, Json.object("folder", folder, "cursor", cursor)), HeadDigest.class);
    }

    /** Newest first, every revision of the file read page by page; {@code path} null: the folder's newest 1,000. */
    public List<Revision> history(String folder, String path) {
        return Pages.readAll(0L, before -> historyPage(folder, path, before, Integer.MAX_VALUE), HistoryPage::revisions, HistoryPage::more,
                Revision::number);
    }

    /**
     * The file's revisions numbered below {@code before} (0: from the newest), at most {@code limit} and what a page
     * holds. A hub older than paging answers with every revision and no {@code more}: one page, the last.
     */
    public HistoryPage historyPage(String folder, String path, long before, int limit) {
        Map<String, Object> body = Json.object("folder", folder, "before", before, "limit", limit);
        if (path != null) {
            body.put("path", path);
        }
        JsonObject reply = connection.request(SyncMessages.HISTORY, body);
        return new HistoryPage(reply.list("revisions", Revision.class), reply.optBool("more", false));
    }

    public Revision restore(String folder, String path, long revision) {
        return Json.read(connection.request(SyncMessages.RESTORE, Json.object("folder", folder, "path", path, "revision", revision)),
                Revision.class);
    }

    /** Every deleted file of the folder, in path order, read page by page. */
    public List<TrashEntry> trash(String folder) {
        return Pages.readAll("", after -> trashPage(folder, after, Integer.MAX_VALUE), TrashPage::files, TrashPage::more, TrashEntry::path);
    }

    /**
     * The deleted files after {@code after} ("": from the start), at most {@code limit} and what one page holds. A hub
     * older than paging answers with its whole trash and no total: one page, the last.
     */
    public TrashPage trashPage(String folder, String after, int limit) {
        JsonObject reply = connection.request(SyncMessages.TRASH, Json.object("folder", folder, "after", after, "limit", limit));
        List<TrashEntry> files = reply.list("files", TrashEntry.class);
        return new TrashPage(files, reply.optNumber("total", files.size()), reply.optBool("more", false));
    }

    public Revision restoreFromTrash(String folder, String path) {
        return Json.read(connection.request(SyncMessages.TRASH_RESTORE, Json.object("folder", folder, "path", path)), Revision.class);
    }

    public Quota setQuota(String user, long bytes) {
        return Json.read(connection.request(SyncMessages.QUOTA_SET, Json.object("user", user, "bytes", bytes)), Quota.class);
    }

    /** {@code user} null: the caller's own. */
    public Quota quota(String user) {
        Map<String, Object> body = Json.object();
        if (user != null) {
            body.put("user", user);
        }
        return Json.read(connection.request(SyncMessages.QUOTA, body), Quota.class);
    }

    /** Every user's quota and usage, in one request; admins only. */
    public List<Quota> quotas() {
        return connection.request(SyncMessages.QUOTA_LIST, Json.object()).list("quotas", Quota.class);
    }

    /**
     * Calls {@code listener} with (folder, cursor) for every commit to a folder the user may read, and
     * subscribes (again after reconnects). Returns what removes the listener.
     */
    public AutoCloseable watch(BiConsumer<String, Long> listener) {
        Consumer<JsonObject> push = body -> listener.accept(body.string("folder"), body.number("cursor"));
        connection.onPush(SyncMessages.CHANGED, push);
        connection.subscribe(SyncMessages.TOPIC);
        return () -> connection.removePushListener(SyncMessages.CHANGED, push);
    }

    /**
     * Calls {@code listener} with a user's {@link Quota} whenever an admin sets it and whenever the space their
     * folders use crosses into or out of it: every user's for an admin, the caller's own otherwise. Subscribes
     * (again after reconnects). Returns what removes the listener.
     *
     * @throws org.syncline.core.SynclineException when the server runs no hub (nothing to follow)
     */
    public AutoCloseable watchQuotas(Consumer<Quota> listener) {
        Consumer<JsonObject> push = body -> listener.accept(Json.read(body, Quota.class));
        connection.onPush(SyncMessages.QUOTA_CHANGED, push);
        try {
            connection.subscribe(SyncMessages.QUOTA_TOPIC);
        } catch (RuntimeException e) {
            connection.removePushListener(SyncMessages.QUOTA_CHANGED, push);
            throw e;
        }
        return () -> connection.removePushListener(SyncMessages.QUOTA_CHANGED, push);
    }

    private static byte[] deflate(byte[] data) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length / 2 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, deflater)) {
            d.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /** The download's sink stays open: the caller owns it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
