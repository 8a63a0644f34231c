package org.syncline.sync.internal.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/**
 * What the engine last synced for one pair: per path the size and modification time it saw, the content's
 * SHA-256 and chunk list, and the hub's revision; plus the folder's cursor. A restart compares the disk with
 * it, so unchanged files are neither hashed nor sent again. Saved atomically (temp, fsync, rename) under
 * {@code LOCAL_DIR/.syncline/}, which the ignore rules always exclude.
 */
public final class LocalIndex {
    /** One synced file. {@code mtime} is in nanoseconds since the epoch. */
    public record Entry(String path, long size, long mtime, String sha256, long revision, List<ChunkRef> chunks) {
        public Entry {
            chunks = chunks == null ? List.of() : List.copyOf(chunks);
            if (chunks.size() == 1 && chunks.get(0).sha256().equals(sha256)) {
                // a small file is one chunk whose hash is the file's: one string held for both (100,000 watched files)
                chunks = List.of(new ChunkRef(sha256, chunks.get(0).length()));
            }
        }

        boolean matches(LocalFile f) {
            return f != null && f.size() == size && f.mtime() == mtime;
        }
    }

    /** Where the bytes of a chunk are in a synced file, to copy instead of downloading them. */
    record ChunkSource(String path, long offset, int length) {
    }

    public static final String STATE_DIR = ".syncline";
    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile long cursor;
    /** Whether entries changed since the last save: a pass that changed nothing writes nothing. */
    private volatile boolean dirty;
    /** Whether the cursor moved since the last save. */
    private volatile boolean cursorMoved;

    private LocalIndex(Path file) {
        this.file = file;
    }

    public static LocalIndex load(Path localDir) {
        LocalIndex index = new LocalIndex(localDir.resolve(STATE_DIR).resolve("index.json"));
        if (Files.isRegularFile(index.file)) {
            try {
                JsonObject o = JsonObject.parse(Files.readString(index.file, StandardCharsets.UTF_8));
                index.cursor = o.number("cursor");
                for (Entry e : o.list("files", Entry.class)) {
                    index.entries.put(e.path(), e);
                }
            } catch (IOException | SynclineException e) {
                // a damaged index costs a full re-hash, never data: every file is compared by content again
                index.entries.clear();
                index.cursor = 0;
            }
        }
        return index;
    }

    public Entry get(String path) {
        return entries.get(path);
    }

    public void put(Entry e) {
        if (!e.equals(entries.put(e.path(), e))) {
            dirty = true;
        }
    }

    public void remove(String path) {
        if (entries.remove(path) != null) {
            dirty = true;
        }
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    public long cursor() {
        return cursor;
    }

    public void cursor(long value) {
        if (cursor != value) {
            cursor = value;
            cursorMoved = true;
        }
    }

    /** A place to copy each chunk from, among synced files whose disk state still matches the index. */
    Map<String, ChunkSource> chunkSources(Map<String, LocalFile> disk) {
        Map<String, ChunkSource> sources = new TreeMap<>();
        for (Entry e : entries.values()) {
            if (!e.matches(disk.get(e.path()))) {
                continue;
            }
            long offset = 0;
            for (ChunkRef c : e.chunks()) {
                sources.putIfAbsent(c.sha256(), new ChunkSource(e.path(), offset, c.length()));
                offset += c.length();
            }
        }
        return sources;
    }

    /**
     * Writes the index when an entry changed since it was loaded or last saved; a cursor that alone moved waits for
     * {@link #save()} (a crash before it only makes the next start read those changes again, which change nothing).
     */
    public void saveEntries() {
        if (dirty) {
            save();
        }
    }

    /** Writes the index when it changed since it was loaded or last saved. */
    public synchronized void save() {
        if (!dirty && !cursorMoved && Files.isRegularFile(file)) {
            return;
        }
        dirty = false;
        cursorMoved = false;
        long at = cursor;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "index", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                        Writer out = new BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8), 64 * 1024)) {
                    // entry by entry: the whole index as one string (~30 MB for 100,000 files) was the agent's peak
                    out.write("{\"cursor\":" + at + ",\"files\":[");
                    boolean first = true;
                    for (Entry e : new TreeMap<>(entries).values()) {
                        out.write(first ? "" : ",");
                        out.write(Json.write(e));
                        first = false;
                    }
                    out.write("]}");
                    out.flush();
                    ch.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            dirty = true;
            cursorMoved = true;
            throw new SynclineException(ErrorCode.STORAGE, "The sync index " + file + " cannot be written (" + e.getMessage()
                    + "); check that the folder is writable and the disk has space.", e);
        }
    }
}
