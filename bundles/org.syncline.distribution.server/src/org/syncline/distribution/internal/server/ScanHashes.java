package org.syncline.distribution.internal.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.syncline.core.AtomicFiles;
import org.syncline.core.Sha256;

/**
 * The SHA-256 an agent last computed for each file of each folder it scanned, with the file's size and modification
 * time and when that scan started: the next scan hashes again only the files whose size or modification time
 * changed, and those whose modification time lies within {@link #RACY} of the last scan's start (a write in the same
 * tick of a coarse clock, after the file was hashed, would leave size and time as they were: the "racy" case rsync
 * and git guard against the same way). Kept in memory and next to the scan listings ({@code scan-listings/}, one gzip
 * file per folder, written atomically); a file that cannot be read only costs hashing that folder once more.
 */
final class ScanHashes {
    /** A file modified this close to (or after) the start of the scan that hashed it is hashed again. */
    static final Duration RACY = Duration.ofSeconds(2);
    private static final int FORMAT = 0x53434831; // "SCH1"
    private static final Logger LOG = Logger.getLogger(ScanHashes.class.getName());
    private final Path folder;
    private final Map<String, Folder> cached = new HashMap<>();

    /** What a scan computed for one file: its size, modification time (ns since the epoch) and SHA-256. */
    record Known(long size, long modifiedNanos, String sha256) {
    }

    /** One folder's last scan: when it started (ns since the epoch) and what it knew per path below the folder. */
    record Folder(long startedNanos, Map<String, Known> files) {
        static final Folder NONE = new Folder(0, Map.of());

        Folder {
            files = Map.copyOf(files);
        }

        /** The SHA-256 known for the file at {@code path}, or null when it must be hashed (new, changed or racy). */
        String sha256(String path, long size, long modifiedNanos) {
            Known k = files.get(path);
            boolean same = k != null && k.size() == size && k.modifiedNanos() == modifiedNanos;
            return same && modifiedNanos < startedNanos - RACY.toNanos() ? k.sha256() : null;
        }
    }

    /** @param folder where to keep them across restarts (null: in memory only) */
    ScanHashes(Path folder) {
        this.folder = folder;
    }

    /** What the last scan of {@code dir} knew ({@link Folder#NONE} the first time). */
    synchronized Folder get(String dir) {
        Folder f = cached.get(dir);
        if (f == null) {
            f = load(dir);
            cached.put(dir, f);
        }
        return f;
    }

    /** Keeps what a scan of {@code dir} found, in memory and on disk. */
    synchronized void put(String dir, Folder scanned) {
        cached.put(dir, scanned);
        if (folder == null) {
            return;
        }
        try {
            AtomicFiles.write(file(dir), true, "", out -> {
                GZIPOutputStream zip = new GZIPOutputStream(new BufferedOutputStream(out));
                DataOutputStream data = new DataOutputStream(zip);
                data.writeInt(FORMAT);
                data.writeLong(scanned.startedNanos());
                data.writeInt(scanned.files().size());
                for (Map.Entry<String, Known> e : scanned.files().entrySet()) {
                    data.writeUTF(e.getKey());
                    data.writeLong(e.getValue().size());
                    data.writeLong(e.getValue().modifiedNanos());
                    data.writeUTF(e.getValue().sha256());
                }
                data.flush();
                zip.finish();
                zip.flush();
            });
        } catch (RuntimeException e) {
            // the copy in memory serves until a restart, which then hashes this folder once more
            LOG.log(Level.WARNING, "Could not keep the scan hashes " + file(dir) + " on disk", e);
        }
    }

    private Folder load(String dir) {
        if (folder == null) {
            return Folder.NONE;
        }
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file(dir))))) {
            DataInputStream data = new DataInputStream(in);
            if (data.readInt() != FORMAT) {
                throw new IOException("not a file of scan hashes");
            }
            long started = data.readLong();
            int n = data.readInt();
            if (n < 0) {
                throw new IOException("a negative entry count");
            }
            Map<String, Known> files = new HashMap<>();
            for (int i = 0; i < n; i++) {
                files.put(data.readUTF(), new Known(data.readLong(), data.readLong(), data.readUTF()));
            }
            return new Folder(started, files);
        } catch (NoSuchFileException e) {
            return Folder.NONE;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The scan hashes " + file(dir) + " cannot be read (" + e.getMessage()
                    + "); the next scan hashes every file");
            return Folder.NONE;
        }
    }

    private Path file(String dir) {
        return folder.resolve(Sha256.hex(dir.getBytes(StandardCharsets.UTF_8)) + ".hashes");
    }
}
