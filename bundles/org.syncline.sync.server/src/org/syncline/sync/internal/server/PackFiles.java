package org.syncline.sync.internal.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.syncline.core.AtomicFiles;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.store.DataDirectory;
import org.syncline.sync.ChunkPack;

/**
 * The hub's pack files: the small chunks of one upload request written one after another into one new file,
 * which is forced once (with its directory) before any row names it, and never changed after. A chunk is
 * found by the row of sync_chunks that names its pack and offset; its bytes are checked against its hash on
 * every read. A pack is written atomically (temp, force, link, force of the directory), so a kill leaves
 * either a whole pack or a temp file that {@link #recover} removes; a whole pack that no row names (the hub
 * died before the rows were committed, or the purge freed all its chunks) is removed there too.
 */
final class PackFiles {
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.pack");
    private final Path dir;

    /**
     * Where a stored chunk is: its pack, offset and length; {@code sentStored}: its uploader sent it as a stored entry (it
     * judged that deflating would not save a sixteenth), so it goes out stored without being judged again.
     */
    record Slot(String sha256, String pack, long offset, int size, boolean sentStored) {
        Slot(String sha256, String pack, long offset, int size) {
            this(sha256, pack, offset, size, false);
        }
    }

    PackFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        DataDirectory.createOwnerOnlyDirectories(this.dir);
    }

    /**
     * Writes every chunk of the upload (each checked against its hash; one copy of a chunk sent twice) to a new
     * pack, forced to disk before this returns. Nothing is left on disk when a chunk is bad or the stream fails.
     */
    List<Slot> write(ChunkPack.Reader reader) {
        String pack = UUID.randomUUID().toString().replace("-", "") + ".pack";
        List<Slot> slots = new ArrayList<>();
        AtomicFiles.write(dir.resolve(pack), false, "pack names are random; try again.", out -> {
            Set<String> seen = new HashSet<>();
            long offset = 0;
            long bytes = 0;
            for (ChunkPack.Entry e; (e = reader.next()) != null;) {
                SyncHub.requireSha(e.sha256());
                bytes += e.data().length;
                if (seen.size() >= ChunkPack.MAX_CHUNKS || bytes > ChunkPack.MAX_BYTES) {
                    throw new SynclineException(ErrorCode.BAD_REQUEST, "A chunk pack holds at most " + ChunkPack.MAX_CHUNKS + " chunks of "
                            + ChunkPack.MAX_BYTES + " bytes in all; send the rest in another.");
                }
                if (!ChunkPack.matches(e)) {
                    throw new SynclineException(ErrorCode.INTEGRITY, "A chunk sent as " + e.sha256() + " has other bytes (SHA-256 "
                            + Sha256.hex(e.data()) + "); nothing of this pack was stored.");
                }
                if (seen.add(e.sha256())) {
                    out.write(e.data());
                    slots.add(new Slot(e.sha256(), pack, offset, e.data().length, e.stored()));
                    offset += e.data().length;
                }
            }
        });
        return slots;
    }

    /** The chunk's bytes, checked against its hash. */
    InputStream open(Slot slot) {
        byte[] data = read(slot);
        if (!Sha256.hex(data).equals(slot.sha256())) {
            throw corrupt(slot, "the bytes at offset " + slot.offset() + " do not hash to the chunk's name");
        }
        return new ByteArrayInputStream(data);
    }

    /** The chunk's bytes as the pack holds them, not hashed: for a reader that checks them against their name itself. */
    byte[] read(Slot slot) {
        requireName(slot.pack());
        byte[] data = new byte[slot.size()];
        try (FileChannel ch = FileChannel.open(dir.resolve(slot.pack()), StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                if (ch.read(buf, slot.offset() + buf.position()) < 0) {
                    break;
                }
            }
            if (buf.hasRemaining()) {
                throw corrupt(slot, "it ends before the chunk's " + slot.size() + " bytes");
            }
        } catch (NoSuchFileException e) {
            throw corrupt(slot, "the pack file is missing");
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The hub could not read pack " + slot.pack() + " (" + e.getMessage() + ").", e);
        }
        return data;
    }

    /** Deletes a pack no row names any more. */
    void delete(String pack) {
        requireName(pack);
        try {
            Files.deleteIfExists(dir.resolve(pack));
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The hub could not delete pack " + pack + " (" + e.getMessage() + ").", e);
        }
    }

    /**
     * At start, before any request: removes temp files of packs a kill cut short and packs {@code named} does not
     * hold. Returns how many files went.
     */
    int recover(Set<String> named) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                boolean torn = name.startsWith(".") && name.endsWith(".part");
                boolean orphan = NAME.matcher(name).matches() && !named.contains(name);
                if (torn || orphan) {
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The hub's pack folder " + dir + " cannot be read (" + e.getMessage()
                    + "); check that it is on a writable disk.", e);
        }
        return removed;
    }

    private static void requireName(String pack) {
        if (!NAME.matcher(pack).matches()) {
            throw new SynclineException(ErrorCode.INTEGRITY, "'" + pack + "' is not the name of a pack file.");
        }
    }

    private static SynclineException corrupt(Slot slot, String why) {
        return new SynclineException(ErrorCode.INTEGRITY, "Chunk " + slot.sha256() + " in pack " + slot.pack() + " cannot be read: " + why + ".");
    }
}
