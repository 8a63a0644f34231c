package org.syncline.sync.internal.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;

import org.syncline.core.ErrorCode;
import org.syncline.core.LimitedInputStream;
import org.syncline.core.Names;
import org.syncline.core.RelativePath;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.Chunk;
import org.syncline.core.chunk.ChunkReader;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.core.delta.BlockSize;
import org.syncline.core.delta.Patch;
import org.syncline.core.delta.Signature;
import org.syncline.protocol.Principal;
import org.syncline.protocol.Right;
import org.syncline.store.DataDirectory;
import org.syncline.store.Database;
import org.syncline.sync.CommitResult;
import org.syncline.sync.FileChange;
import org.syncline.sync.SyncMessages;
import org.syncline.sync.internal.server.FolderAccess.Checked;
import org.syncline.sync.internal.server.RevisionTable.RevisionRow;

/**
 * Large files by delta ({@link SyncMessages#SIGNATURE}, {@link SyncMessages#DELTA}): the hub serves the
 * signature of a stored revision, then rebuilds the new content from that revision's chunks and the sender's
 * delta in a scratch file, checks its length and SHA-256, stores its content-defined chunks and commits it
 * through {@link SyncHub#commit}, so a delta commit follows the same conflict, quota and push rules as any.
 */
final class DeltaUploads {
    private final Database db;
    private final ChunkStorage chunks;
    private final SyncHub hub;
    private final Path scratch;

    DeltaUploads(Database db, ChunkStorage chunks, SyncHub hub, Path scratch) {
        this.db = db;
        this.chunks = chunks;
        this.hub = hub;
        this.scratch = scratch;
    }

    /** A stored revision with content and its chunks, in order. */
    record Basis(RevisionRow revision, List<ChunkRef> chunks) {
    }

    /** Removes scratch files a crash left behind. */
    void clearScratch() throws IOException {
        DataDirectory.emptyScratch(scratch);
    }

    Signature signature(Principal p, String folder, String path, long revision, int strong) throws IOException {
        if (strong != -1 && (strong < BlockSize.MIN_STRONG || strong > BlockSize.MAX_STRONG)) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A strong hash is 2 to 32 bytes per block, not " + strong + ".");
        }
        Basis b = basis(p, folder, path, revision, Right.READ);
        long size = b.revision().size();
        try (InputStream in = content(b.chunks())) {
            return Signature.of(in, size, strong == -1 ? BlockSize.strongLength(size, BlockSize.forLength(size)) : strong);
        }
    }

    SyncHub.Published<CommitResult> apply(Principal p, String folder, String path, long base, long size, String sha256, InputStream delta)
            throws IOException {
        SyncHub.requireSha(sha256);
        if (size < 0) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A file has 0 or more bytes, not " + size + ".");
        }
        Basis b = basis(p, folder, path, base, Right.WRITE);
        Path basisFile = DataDirectory.createOwnerOnlyTempFile(scratch, "basis-", ".tmp");
        Path newFile = DataDirectory.createOwnerOnlyTempFile(scratch, "new-", ".tmp");
        try {
            try (InputStream in = content(b.chunks()); OutputStream out = Files.newOutputStream(basisFile)) {
                in.transferTo(out);
            }
            String built;
            long limit = SyncMessages.deltaLimit(size, b.revision().size());
            try (FileChannel basis = FileChannel.open(basisFile, StandardOpenOption.READ);
                    FileChannel target = FileChannel.open(newFile, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(target)) {
                built = Patch.apply(basis, new LimitedInputStream(delta, limit, "a delta to a file of " + size + " bytes is at most " + limit + " bytes"), out);
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("a delta to")) {
                    throw new SynclineException(ErrorCode.LIMIT_REACHED, "The delta for '" + Names.printable(path) + "' is larger than "
                            + limit + " bytes, more than the whole file would take; nothing was stored.", e);
                }
                throw e;
            }
            if (Files.size(newFile) != size || !built.equals(sha256)) {
                throw new SynclineException(ErrorCode.INTEGRITY, "'" + Names.printable(path) + "' rebuilt from the delta has " + Files.size(newFile)
                        + " bytes and SHA-256 " + built + ", not the " + size + " bytes and " + sha256 + " declared; nothing was stored.");
            }
            List<ChunkRef> refs = store(newFile);
            return hub.commit(p, folder, List.of(FileChange.put(path, base, size, sha256, refs)));
        } finally {
            Files.deleteIfExists(basisFile);
            Files.deleteIfExists(newFile);
        }
    }

    /** Stores the chunks the blob store lacks and marks all as relied on, so the purge keeps them until the commit. */
    private List<ChunkRef> store(Path file) throws IOException {
        List<ChunkRef> refs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            ChunkReader reader = new ChunkReader(in);
            for (Chunk c; (c = reader.next()) != null;) {
                if (!chunks.blobs().exists(c.sha256())) {
                    chunks.blobs().put(new ByteArrayInputStream(c.data()), c.sha256());
                }
                refs.add(new ChunkRef(c.sha256(), c.length()));
            }
        }
        db.inTransaction(c -> {
            java.time.Instant now = SyncHub.now();
            for (ChunkRef r : refs) {
                ChunkTable.touch(c, r.sha256(), r.length(), now);
            }
            return null;
        });
        return refs;
    }

    /** The revision with content, after checking that {@code p} holds {@code needed} on the folder. */
    Basis basis(Principal p, String folder, String path, long revision, Right needed) {
        String checked = RelativePath.parse(path).toString();
        return db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, needed);
            long fileId = FileTable.find(c, f.folder().id(), checked).map(FileTable.FileRow::id).orElse(-1L);
            RevisionRow r = fileId < 0 ? null : RevisionTable.find(c, fileId, revision).filter(x -> !x.deleted()).orElse(null);
            if (r == null) {
                throw new SynclineException(ErrorCode.NOT_FOUND, "'" + Names.printable(checked) + "' in folder '" + folder + "' has no revision "
                        + revision + " with content to make a delta against; send the file whole.");
            }
            return new Basis(r, RevisionTable.chunks(c, r));
        });
    }

    /** The revision's bytes, one chunk open at a time. */
    InputStream content(List<ChunkRef> refs) {
        Iterator<ChunkRef> it = refs.iterator();
        return new SequenceInputStream(new Enumeration<InputStream>() {
            @Override
            public boolean hasMoreElements() {
                return it.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return chunks.open(it.next().sha256());
            }
        });
    }
}
