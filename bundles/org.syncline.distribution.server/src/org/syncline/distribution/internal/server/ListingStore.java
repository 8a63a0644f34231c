package org.syncline.distribution.internal.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.syncline.core.AtomicFiles;
import org.syncline.core.Sha256;

/**
 * The last listing of each key, kept in memory and in a folder of the data directory (one gzip file per key, written
 * atomically) so it survives a restart: on an agent what it last reported per scanned folder, on the master the base
 * it holds per agent and folder. A file that cannot be read counts as no listing (the next scan is answered in full).
 * Both sides also note the files a run wrote or deleted ({@link #record}), so the next scan of a target does not
 * report them back; these reach the disk with the next {@link #put} or {@link #flush}.
 */
final class ListingStore {
    private static final Logger LOG = Logger.getLogger(ListingStore.class.getName());
    private final Path folder;
    private final Map<String, Listing> cached = new HashMap<>();
    /** Per key: files written (their entry) or deleted (null) since its listing, by path below its folder. */
    private final Map<String, Map<String, ContentRoot.Entry>> pending = new HashMap<>();
    /** Per key: the digest of the listing on disk. */
    private final Map<String, String> written = new HashMap<>();

    ListingStore(Path folder) {
        this.folder = folder;
    }

    /** The listing last remembered for {@code key} with the files recorded since, or null. */
    synchronized Listing get(String key) {
        Listing l = cached.containsKey(key) ? cached.get(key) : load(key);
        Map<String, ContentRoot.Entry> changes = pending.remove(key);
        if (l != null && changes != null) {
            List<ContentRoot.Entry> changed = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            changes.forEach((path, e) -> {
                if (e == null) {
                    removed.add(path);
                } else {
                    changed.add(e);
                }
            });
            l = l.apply(new Listing.Changes(changed, removed));
            cached.put(key, l);
        }
        return l;
    }

    /** Remembers {@code listing} for {@code key}; it is written to disk when it differs from the one there. */
    synchronized void put(String key, Listing listing) {
        cached.put(key, listing);
        pending.remove(key);
        write(key, listing);
    }

    /**
     * Notes that {@code path} (below the folder the keys name after {@code prefix}) now holds {@code entry}'s version,
     * or was deleted ({@code entry} null), for every listing in memory whose folder holds it.
     */
    synchronized void record(String prefix, String path, ContentRoot.Entry entry) {
        for (String key : cached.keySet()) {
            if (!key.startsWith(prefix) || cached.get(key) == null) {
                continue;
            }
            String dir = key.substring(prefix.length());
            String rel = dir.isEmpty() ? path : path.equals(dir) ? "" : path.startsWith(dir + "/") ? path.substring(dir.length() + 1) : null;
            if (rel != null) {
                pending.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(rel,
                        entry == null ? null : new ContentRoot.Entry(rel, entry.size(), entry.sha256()));
            }
        }
    }

    /** Writes every listing that changed since it was last written. */
    synchronized void flush() {
        for (String key : List.copyOf(cached.keySet())) {
            Listing l = get(key);
            if (l != null) {
                write(key, l);
            }
        }
    }

    private Listing load(String key) {
        Listing l;
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file(key))))) {
            l = Listing.read(in);
            written.put(key, l.digest());
        } catch (NoSuchFileException e) {
            l = null;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The scan listing " + file(key) + " cannot be read (" + e.getMessage() + "); the next scan is in full");
            l = null;
        }
        cached.put(key, l);
        return l;
    }

    private void write(String key, Listing listing) {
        if (listing.digest().equals(written.get(key))) {
            return;
        }
        try {
            AtomicFiles.write(file(key), true, "", out -> {
                GZIPOutputStream zip = new GZIPOutputStream(new BufferedOutputStream(out));
                listing.write(zip);
                zip.finish();
                zip.flush();
            });
            written.put(key, listing.digest());
        } catch (RuntimeException e) {
            // the one in memory is right; after a restart the stale file's digest differs, so that scan is in full
            LOG.log(Level.WARNING, "Could not keep the scan listing " + file(key) + " on disk", e);
        }
    }

    private Path file(String key) {
        return folder.resolve(Sha256.hex(key.getBytes(StandardCharsets.UTF_8)) + ".listing");
    }
}
