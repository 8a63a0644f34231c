package org.syncline.sync.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.store.DataDirectory;
import org.syncline.sync.ChunkList;
import org.syncline.sync.FileChange;

/**
 * Chunk lists sent ahead of the commit that names them ({@link org.syncline.sync.SyncMessages#CHUNK_LIST_PUT}): a
 * file of more than ~10 GiB has a list longer than a commit request may carry. Each is a file named by the SHA-256
 * of its {@link ChunkList} stream, kept until a commit has used it or the hub starts again.
 */
final class StagedLists {
    private final Path dir;

    StagedLists(Path dir) {
        this.dir = dir;
    }

    /** What a list that was put is called and how many chunks it names. */
    record Staged(String name, int chunks) {
    }

    /** Removes the lists a stop left behind: an agent whose commit did not happen sends its list again. */
    void clear() throws IOException {
        DataDirectory.emptyScratch(dir);
    }

    /** Reads a list (checked entry by entry, at most {@link ChunkList#MAX_BYTES}) and keeps it, all or nothing. */
    Staged put(InputStream in) throws IOException {
        List<ChunkRef> chunks = ChunkList.read(in);
        byte[] stream = ChunkList.write(chunks);
        String name = ChunkList.name(stream);
        DataDirectory.writeOwnerOnly(dir.resolve(name), stream);
        return new Staged(name, chunks.size());
    }

    /** The changes with each named list in place of its name; a name the hub does not hold is refused with a sentence. */
    List<FileChange> resolve(List<FileChange> changes) {
        if (changes.stream().allMatch(c -> c.chunkList().isEmpty())) {
            return changes;
        }
        List<FileChange> out = new ArrayList<>(changes.size());
        for (FileChange c : changes) {
            out.add(c.chunkList().isEmpty() ? c : c.withChunks(read(c)));
        }
        return out;
    }

    /** Lets go of the lists the changes named (their commit happened). */
    void committed(List<FileChange> changes) {
        for (FileChange c : changes) {
            if (!c.chunkList().isEmpty() && Sha256.isHex(c.chunkList())) {
                try {
                    Files.deleteIfExists(dir.resolve(c.chunkList()));
                } catch (IOException e) {
                    // left for the next start's clear
                }
            }
        }
    }

    private List<ChunkRef> read(FileChange c) {
        String name = c.chunkList();
        if (!Sha256.isHex(name)) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "The change of '" + Names.printable(c.path()) + "' names the chunk list '"
                    + Names.printable(name) + "', which is not a SHA-256.");
        }
        if (!c.chunks().isEmpty()) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "The change of '" + Names.printable(c.path())
                    + "' names a chunk list and carries chunks too; it may do one or the other.");
        }
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            return ChunkList.read(in);
        } catch (NoSuchFileException e) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "The chunk list of '" + Names.printable(c.path())
                    + "' is not on the hub (it is kept until a commit uses it, or the hub starts again); send it again.");
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The hub could not read the chunk list of '" + Names.printable(c.path()) + "' ("
                    + e.getMessage() + ").", e);
        }
    }
}
