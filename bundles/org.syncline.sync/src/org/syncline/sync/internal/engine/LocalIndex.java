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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/**
 * What the engine last synced for one pair: per path the size and modification time it saw, the content's
 * SHA-256 and chunk list, and the hub's revision; plus the folder's cursor. A restart compares the disk with
 * it, so unchanged files are neither hashed nor sent again. Kept under {@code LOCAL_DIR/.syncline/}, which the ignore
 * rules always exclude: a snapshot {@code index.json} written atomically (temp, fsync, rename), and once that is large
 * (from {@link #LOG_FROM} bytes, about 1,300 files) an {@link IndexLog} {@code index.log} to which each save appends
 * only what changed, until the log is as large as the snapshot and a new snapshot replaces both. A save costs what it
 * changed, not the size of the folder.
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
    /** Snapshot size from which saves append to the log instead of writing the snapshot again. */
    static final long LOG_FROM = 256 * 1024;
    private final Path file;
    private final IndexLog log;
    private final long logFrom;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile long cursor;
    /** Paths put or removed since the last save: a pass that changed nothing writes nothing. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    /** Whether the cursor moved since the last save. */
    private volatile boolean cursorMoved;
    /** The snapshot's generation (the log continues only the snapshot of its generation) and size. */
    private long generation;
    private long snapshotBytes;
    /** The cursor as the snapshot and log on disk hold it. */
    private long savedCursor;

    private LocalIndex(Path dir, long logFrom) {
        this.file = dir.resolve("index.json");
        this.log = new IndexLog(dir.resolve("index.log"));
        this.logFrom = logFrom;
    }

    public static LocalIndex load(Path localDir) {
        return load(localDir, LOG_FROM);
    }

    /** Loads the index, appending to its log from a snapshot of {@code logFrom} bytes (tests set it low). */
    static LocalIndex load(Path localDir, long logFrom) {
        LocalIndex index = new LocalIndex(localDir.resolve(STATE_DIR), logFrom);
        if (Files.isRegularFile(index.file)) {
            try {
                JsonObject o = JsonObject.parse(Files.readString(index.file, StandardCharsets.UTF_8));
                index.cursor = o.number("cursor");
                index.generation = o.optNumber("generation", 0);
                for (Entry e : o.list("files", Entry.class)) {
                    index.entries.put(e.path(), e);
                }
                index.snapshotBytes = Files.size(index.file);
                IndexLog.Replay replay = index.log.read(index.generation);
                for (IndexLog.Change c : replay.changes()) {
                    if (c.entry() == null) {
                        index.entries.remove(c.path());
                    } else {
                        index.entries.put(c.path(), c.entry());
                    }
                }
                index.cursor = replay.cursor() >= 0 ? replay.cursor() : index.cursor;
            } catch (IOException | SynclineException e) {
                // a damaged index costs a full re-hash, never data: every file is compared by content again (the next
                // save writes a snapshot, which drops the log)
                index.entries.clear();
                index.cursor = 0;
                index.snapshotBytes = 0;
            }
        }
        index.savedCursor = index.cursor;
        return index;
    }

    public Entry get(String path) {
        return entries.get(path);
    }

    public void put(Entry e) {
        if (!e.equals(entries.put(e.path(), e))) {
            changed.add(e.path());
        }
    }

    public void remove(String path) {
        if (entries.remove(path) != null) {
            changed.add(path);
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

    /**
     * A place to copy each of the {@code wanted} chunks from, among synced files that hold one and whose disk state
     * ({@code stat}) still matches the index. Only those files are looked at on disk: a change to one file of a
     * folder of 100,000 costs a pass over the index in memory, not 100,000 stats.
     */
    Map<String, ChunkSource> chunkSources(Set<String> wanted, Function<String, LocalFile> stat) {
        Map<String, ChunkSource> sources = new HashMap<>();
        if (wanted.isEmpty()) {
            return sources;
        }
        for (Entry e : entries.values()) {
            long offset = 0;
            boolean checked = false;
            for (ChunkRef c : e.chunks()) {
                if (wanted.contains(c.sha256()) && !sources.containsKey(c.sha256())) {
                    if (!checked && !e.matches(stat.apply(e.path()))) {
                        break; // edited since the sync: no source
                    }
                    checked = true;
                    sources.put(c.sha256(), new ChunkSource(e.path(), offset, c.length()));
                }
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
        if (!changed.isEmpty()) {
            save();
        }
    }

    /**
     * Writes what changed since it was loaded or last saved, durably: appended to the log when the snapshot is large
     * and the log still smaller than it, else as a new snapshot.
     */
    public synchronized void save() {
        if (changed.isEmpty() && !cursorMoved && Files.isRegularFile(file)) {
            return;
        }
        cursorMoved = false;
        long at = cursor;
        List<String> paths = List.copyOf(changed);
        changed.removeAll(paths); // a put from now on is saved next time
        try {
            if (snapshotBytes >= logFrom) {
                List<IndexLog.Change> changes = new ArrayList<>(paths.size());
                for (String p : paths) {
                    changes.add(new IndexLog.Change(p, entries.get(p)));
                }
                byte[] bytes = IndexLog.save(changes, at == savedCursor ? -1 : at, changes.size());
                if (log.size() + bytes.length <= snapshotBytes) {
                    log.append(generation, bytes);
                    savedCursor = at;
                    return;
                }
            }
            writeSnapshot(at);
        } catch (IOException e) {
            changed.addAll(paths);
            cursorMoved = true;
            throw new SynclineException(ErrorCode.STORAGE, "The sync index " + file + " cannot be written (" + e.getMessage()
                    + "); check that the folder is writable and the disk has space.", e);
        }
    }

    /** Closes the log (a later save opens it again). */
    public synchronized void close() {
        try {
            log.close();
        } catch (IOException e) {
            // nothing is lost: every save was forced before it returned
        }
    }

    /** Every entry in a new snapshot of the next generation, which the old log does not continue: it is dropped. */
    private void writeSnapshot(long at) throws IOException {
        long next = generation + 1;
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "index", ".tmp");
        try {
            long bytes;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    Writer out = new BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8), 64 * 1024)) {
                // entry by entry: the whole index as one string (~30 MB for 100,000 files) was the agent's peak
                out.write("{\"generation\":" + next + ",\"cursor\":" + at + ",\"files\":[");
                boolean first = true;
                for (Entry e : new TreeMap<>(entries).values()) {
                    out.write(first ? "" : ",");
                    out.write(Json.write(e));
                    first = false;
                }
                out.write("]}");
                out.flush();
                ch.force(true);
                bytes = ch.size();
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            generation = next;
            snapshotBytes = bytes;
            savedCursor = at;
        } finally {
            Files.deleteIfExists(tmp);
        }
        log.delete();
    }
}
